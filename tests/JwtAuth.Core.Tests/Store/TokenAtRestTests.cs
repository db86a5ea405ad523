using System.Text;
using JwtAuth.Core.Store;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.Store;

public sealed class TokenAtRestTests : IDisposable
{
    private readonly TempStoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Token_never_appears_in_any_store_file_yet_reads_back()
    {
        var token = "00DSECRET!" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        var store = _folder.Open();
        store.Save(SampleAuths.For("a@example.com", token: token, alias: "a"), setDefault: true);
        store.UpdateToken("a@example.com", store.Find("a")!.Revision, token + "-renewed", DateTimeOffset.UtcNow);

        var needles = new[]
        {
            Encoding.UTF8.GetBytes(token),
            Encoding.Unicode.GetBytes(token),
            Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(token))),
            Encoding.UTF8.GetBytes(token.Substring(10, 24)),
        };
        var files = _folder.AllFiles().ToList();
        Assert.Contains(files, f => f.EndsWith(".json", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var needle in needles)
                Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"{Path.GetFileName(file)} holds the token in readable form");
        }
        Assert.Equal(token + "-renewed", new OrgAuthStore(_folder.StorePath).Find("a")!.Auth.AccessToken);
    }

    [Fact]
    public void Unix_token_follows_the_documented_aes_gcm_layout()
    {
        if (OperatingSystem.IsWindows()) return; // Windows stores DPAPI blobs instead.
        _folder.Open().Save(SampleAuths.For("Admin@Example.com", token: "layout-check"));

        var key = File.ReadAllBytes(Path.Combine(_folder.StorePath, "key.bin"));
        var stored = JObject.Parse(File.ReadAllText(_folder.OrgFile("admin@example.com")))["accessToken"]!;
        Assert.Equal("aes-256-gcm", stored["scheme"]!.Value<string>());
        var blob = Convert.FromBase64String(stored["data"]!.Value<string>()!);
        var plain = new byte[blob.Length - 12 - 16];
        using var aes = new System.Security.Cryptography.AesGcm(key, 16);
        aes.Decrypt(blob.AsSpan(0, 12), blob.AsSpan(12, plain.Length), blob.AsSpan(12 + plain.Length), plain,
            Encoding.UTF8.GetBytes("JwtAuth.AccessToken.v1:admin@example.com"));

        Assert.Equal(32, key.Length);
        Assert.Equal("layout-check", Encoding.UTF8.GetString(plain));
    }

    [Fact]
    public void Each_write_uses_a_fresh_nonce()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("a@example.com", token: "same-token"));
        var first = ProtectedData("a@example.com");
        store.Save(SampleAuths.For("a@example.com", token: "same-token"));

        Assert.NotEqual(first, ProtectedData("a@example.com"));
    }

    [Fact]
    public void Protected_token_copied_into_another_orgs_file_does_not_decrypt_there()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("victim@example.com", token: "victim-token"));
        store.Save(SampleAuths.For("attacker@example.com", token: "attacker-token"));

        var victim = JObject.Parse(File.ReadAllText(_folder.OrgFile("victim@example.com")));
        var attackerPath = _folder.OrgFile("attacker@example.com");
        var attacker = JObject.Parse(File.ReadAllText(attackerPath));
        attacker["accessToken"] = victim["accessToken"]!.DeepClone();
        File.WriteAllText(attackerPath, attacker.ToString());

        var swapped = store.Find("attacker@example.com")!;
        Assert.Null(swapped.Auth.AccessToken);
        Assert.Equal(StoredTokenState.Unreadable, swapped.TokenState);
        Assert.Equal("victim-token", store.Find("victim@example.com")!.Auth.AccessToken);
    }

    [Fact]
    public void Store_copied_without_its_key_reads_with_no_token_and_renews_cleanly()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("a@example.com", token: "original", alias: "a"), setDefault: true);

        var copy = Path.Combine(_folder.Root, "copied");
        CopyTree(_folder.StorePath, copy, skip: "key.bin");
        var copied = new OrgAuthStore(copy);

        var snapshot = copied.ReadAll();
        var auth = Assert.Single(snapshot.Auths);
        Assert.Empty(snapshot.Problems);
        Assert.Null(auth.Auth.AccessToken);
        Assert.Equal(StoredTokenState.Unreadable, auth.TokenState);
        Assert.True(auth.IsDefault);
        Assert.Equal("a", auth.Alias);
        Assert.Equal("https://example.my.salesforce.com", auth.Auth.InstanceUrl);

        var renewed = copied.UpdateToken("a@example.com", auth.Revision, "fresh", DateTimeOffset.UtcNow);
        Assert.True(renewed.Updated);
        Assert.Equal("fresh", copied.Find("a")!.Auth.AccessToken);
        Assert.Equal("original", store.Find("a")!.Auth.AccessToken);
    }

    [Fact]
    public void Damaged_key_is_reported_tokens_read_as_unreadable_and_the_next_save_replaces_it()
    {
        if (OperatingSystem.IsWindows()) return; // DPAPI keeps its key in the user profile, not in the store.
        var store = _folder.Open();
        store.Save(SampleAuths.For("a@example.com", token: "before"));
        var keyPath = Path.Combine(_folder.StorePath, "key.bin");
        File.WriteAllBytes(keyPath, new byte[] { 1, 2, 3 });

        var snapshot = store.ReadAll();
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(StoreErrorIds.KeyInvalid, problem.ErrorId);
        Assert.Equal(keyPath, problem.Path);
        Assert.Equal(StoredTokenState.Unreadable, Assert.Single(snapshot.Auths).TokenState);

        store.Save(SampleAuths.For("b@example.com", token: "after"));
        Assert.Equal(32, new FileInfo(keyPath).Length);
        Assert.Equal("after", store.Find("b@example.com")!.Auth.AccessToken);
        Assert.Empty(store.ReadAll().Problems);
    }

    [Fact]
    public void Tampered_ciphertext_reads_as_no_token()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("a@example.com", token: "secret"));
        var path = _folder.OrgFile("a@example.com");
        var json = JObject.Parse(File.ReadAllText(path));
        var data = Convert.FromBase64String(json["accessToken"]!["data"]!.Value<string>()!);
        data[^1] ^= 0x01;
        json["accessToken"]!["data"] = Convert.ToBase64String(data);
        File.WriteAllText(path, json.ToString());

        Assert.Equal(StoredTokenState.Unreadable, store.Find("a@example.com")!.TokenState);
    }

    [Fact]
    public void Auth_saved_without_token_has_state_none()
    {
        var store = _folder.Open();
        var auth = SampleAuths.For("a@example.com");
        auth.AccessToken = null;
        store.Save(auth);

        var found = store.Find("a@example.com")!;
        Assert.Equal(StoredTokenState.None, found.TokenState);
        Assert.Equal(JTokenType.Null, JObject.Parse(File.ReadAllText(_folder.OrgFile("a@example.com")))["accessToken"]!.Type);
    }

    private string ProtectedData(string username) =>
        JObject.Parse(File.ReadAllText(_folder.OrgFile(username)))["accessToken"]!["data"]!.Value<string>()!;

    private static void CopyTree(string from, string to, string skip)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) == skip) continue;
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
