using System.Security.Cryptography;
using System.Text;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Service;
using JwtAuth.Core.Tests.Login;
using MockSalesforce.Faults;
using MockSalesforce.Testing;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// Every core operation the cmdlets use, successful and failing, with all verbose and warning output kept; then
/// every text a user or log could see (messages, exception chains, ToString of results, every stored file in the
/// store and the CLI home) is scanned for the access tokens issued, the raw assertions seen on the wire (taken
/// from a relay in front of the mock), key material and the key password.
/// </summary>
public class SecretHygieneTests
{
    private const string Password = "hygiene-Pa55word!";
    private const string TokenPath = "/services/oauth2/token";

    [Fact]
    public async Task No_operation_leaks_a_token_an_assertion_key_material_or_a_password()
    {
        await using var s = await HardenedLogin.StartAsync();
        await using var relay = new RecordingRelay(new Uri(s.Server.BaseUrl));
        var seen = new List<(string Where, string Text)>();
        var tokens = new List<string>();
        var warnings = new List<string>();
        using var otherKey = TestKeyPair.Create();
        var encryptedKeyFile = s.Folder.File("encrypted.key");
        File.WriteAllText(encryptedKeyFile, s.Keys.Key.ExportEncryptedPkcs8PrivateKeyPem(Password,
            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000)));
        var otherKeyFile = s.Folder.File("other.key");
        File.WriteAllText(otherKeyFile, otherKey.PrivateKeyPem);

        async Task<ConnectResult> Connect(string what, Action<ConnectRequest> change)
        {
            var request = s.HubRequest(loginUrl: relay.BaseUrl);
            change(request);
            var result = await s.ConnectOneAsync(request);
            seen.Add((what + " result", result.ToString()!));
            if (result.View != null)
            {
                tokens.Add(result.View.Auth.AccessToken!);
                seen.Add((what + " view", result.View.ToString()));
                seen.Add((what + " auth", result.View.Auth.ToString()!));
                seen.Add((what + " key reference", result.View.Auth.Key.ToString()));
            }

            if (result.Error != null) AddException(seen, what, result.Error);
            return result;
        }

        // Successes: key file with CLI registration, encrypted key file with its password (key text comes later; the last stored one is renewed below).
        Assert.Null((await Connect("encrypted key file", r => r.Key = KeySource.FromFile(encryptedKeyFile, Password))).Error);
        var hub = await Connect("key file + sfcli", r => { r.RegisterWithSfCli = true; r.SetDefault = true; });
        Assert.Null(hub.Error);

        // Failures of every layer.
        Assert.NotNull((await Connect("wrong password", r => r.Key = KeySource.FromFile(encryptedKeyFile, "wrong-" + Password))).Error);
        Assert.NotNull((await Connect("damaged key text", r => r.Key = KeySource.FromText(s.Keys.PrivateKeyPem[..700], null))).Error);
        Assert.NotNull((await Connect("other key", r => r.Key = KeySource.FromFile(otherKeyFile, null))).Error);
        Assert.NotNull((await Connect("lightning url", r => r.LoginUrl = "https://acme.lightning.force.com")).Error);
        foreach (var fault in new[]
                 {
                     Fault.Status(503, count: 3, path: TokenPath), Fault.Html(200, count: 1, path: TokenPath),
                     Fault.TruncatedJson(count: 1, path: TokenPath), Fault.DropConnection(count: 3, path: TokenPath),
                     Fault.Redirect("https://elsewhere.example.com", 302, count: 1, path: TokenPath),
                 })
        {
            s.Server.Faults.Enqueue(fault);
            Assert.NotNull((await Connect(fault.Kind.ToString(), _ => { })).Error);
        }

        // Token upkeep: a revoked token is replaced, a forced refresh mints another.
        s.Server.Sessions.RevokeAll();
        var listed = s.Service.List(null, false, false);
        Assert.Single(listed.Auths);
        foreach (var view in listed.Auths)
        {
            var renewed = await s.Service.EnsureWorkingTokenAsync(view, false, null, s.RecordVerbose, w => { lock (warnings) warnings.Add(w); }, CancellationToken.None);
            tokens.Add(renewed.Auth.AccessToken!);
            var forced = await s.Service.EnsureWorkingTokenAsync(renewed, true, null, s.RecordVerbose, w => { lock (warnings) warnings.Add(w); }, CancellationToken.None);
            tokens.Add(forced.Auth.AccessToken!);
            seen.Add(("renewed view", forced.ToString()));
        }

        // Key text kept for this process only (it shadows the stored auth of the same user from here on).
        Assert.Null((await Connect("key text", r => { r.Key = KeySource.FromText(s.Keys.PrivateKeyPem.Replace("\n", "\\n"), null); r.ProcessScope = true; })).Error);
        foreach (var view in s.Service.List(null, false, false).Auths.Concat(s.Service.ListSfCli(null).Auths))
        {
            seen.Add(("listed " + view.Scope, view + " " + view.Auth + " " + view.Note + " " + view.Auth.Key));
        }

        var files = s.Files();
        try
        {
            await s.Service.EnsureWorkingTokenAsync(s.Service.ListSfCli(null).Auths.First(), true, null, s.RecordVerbose, warnings.Add, CancellationToken.None);
        }
        catch (Exception e) when (e is ArgumentException || e is JwtAuthException)
        {
            AddException(seen, "renew a CLI-only view", e);
        }

        s.Service.Remove(s.HubUser.Username, includeSfCli: true);

        // What the scan looks for, and proof that each secret was really in play.
        var assertions = relay.Assertions();
        Assert.True(assertions.Count >= 8, $"only {assertions.Count} assertions went through the relay");
        Assert.All(assertions, a => Assert.StartsWith("eyJ", a));
        Assert.True(tokens.Distinct().Count() >= 5, "expected at least five distinct access tokens");
        var secrets = HardeningAssert.SecretsOf(KeyBody(s.Keys.PrivateKeyPem), tokens.Concat(assertions).Append(Password).ToArray())
            .Concat(HardeningAssert.SecretsOf(KeyBody(otherKey.PrivateKeyPem)))
            .Concat(assertions.Select(a => a.Split('.')[2]))
            .ToList();

        foreach (var (where, text) in seen) HardeningAssert.NoSecrets(text, secrets, where);
        foreach (var message in s.Verbose.Concat(s.Warnings)) HardeningAssert.NoSecrets(message, secrets, "verbose");
        foreach (var warning in warnings) HardeningAssert.NoSecrets(warning, secrets, "warning");
        Assert.Contains(files.Keys, f => f.Contains(".sfdx", StringComparison.Ordinal));
        Assert.Contains(files.Keys, f => f.Contains("orgs", StringComparison.Ordinal));
        // Files hold base64 ciphertext, where a bare "eyJ" can occur by chance: there the real assertions and a JWT header count.
        var fileSecrets = secrets.Where(x => x != "eyJ").Append("eyJhbGci").ToList();
        foreach (var (path, bytes) in files)
        {
            HardeningAssert.NoSecrets(Encoding.UTF8.GetString(bytes), fileSecrets, "file " + path);
            HardeningAssert.NoSecrets(Encoding.Latin1.GetString(bytes), fileSecrets, "file " + path + " (bytes)");
        }
    }

    private static void AddException(List<(string, string)> seen, string what, Exception error)
    {
        for (var e = error; e != null; e = e.InnerException)
        {
            seen.Add((what + " " + e.GetType().Name, e.ToString()));
            seen.Add((what + " message", e.Message));
            if (e is JwtAuthException j) seen.Add((what + " target", j.Target?.ToString() ?? string.Empty));
        }
    }

    private static string KeyBody(string pem) =>
        string.Concat(pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)));
}
