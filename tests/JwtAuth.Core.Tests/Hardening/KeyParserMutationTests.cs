using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Tests.Keys;
using Xunit.Abstractions;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// Thousands of seeded random mutations of valid keys (PEM text, DER, encrypted PKCS#8, PFX) through
/// SigningKeyLoader.FromText / FromFile and RsaKeyReader. Allowed: a loaded key that signs, or a KeyException
/// with a fix and no key material. Anything else (another exception type, a hang) fails with the seed;
/// replay with JWTAUTH_MUTATION_SEED=&lt;seed&gt;.
/// </summary>
public class KeyParserMutationTests
{
    private const string Password = "mutation-pw";
    private const int CodecCases = 5000;
    private static readonly Lazy<Inputs> Valid = new(() => new Inputs());
    private readonly ITestOutputHelper _output;

    public KeyParserMutationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Mutated_pem_text_loads_or_fails_typed()
    {
        var inputs = Valid.Value;
        var texts = new (string Name, string Text, string? Password)[]
        {
            ("pkcs8", inputs.Pkcs8Pem, null), ("pkcs1", inputs.Pkcs1Pem, null),
            ("encrypted", inputs.EncryptedPem, Password), ("cert+key", inputs.CertificatePem + inputs.Pkcs8Pem, null),
        };
        RunCampaign(5000, (mutator, i) =>
        {
            var (name, text, password) = texts[i % texts.Length];
            var mutated = mutator.Mutate(text, out var how);
            return ($"{name} text: {how}", () => SigningKeyLoader.FromText(mutated, password));
        });
    }

    [Fact]
    public void Mutated_der_and_pfx_load_or_fail_typed()
    {
        var inputs = Valid.Value;
        var ders = new (string Name, byte[] Der, string? Password, int Weight)[]
        {
            ("pkcs8 der", inputs.Pkcs8Der, null, 4), ("pkcs1 der", inputs.Pkcs1Der, null, 4),
            ("encrypted der", inputs.EncryptedDer, Password, 3), ("pfx", inputs.Pfx, Password, 1),
        };
        var weighted = ders.SelectMany(d => Enumerable.Repeat(d, d.Weight)).ToArray();
        RunCampaign(5000, (mutator, i) =>
        {
            var (name, der, password, _) = weighted[i % weighted.Length];
            var mutated = mutator.Mutate(der, out var how);
            // Base64 text reaches the DER and PFX readers without a file.
            var text = Convert.ToBase64String(mutated);
            return ($"{name}: {how}", () => SigningKeyLoader.FromText(text, password));
        });
    }

    [Fact]
    public void Mutated_key_files_load_or_fail_typed()
    {
        var inputs = Valid.Value;
        using var folder = new TempFolder();
        var sources = new[] { Encoding.UTF8.GetBytes(inputs.Pkcs8Pem), inputs.Pkcs8Der, Encoding.UTF8.GetBytes(inputs.Pkcs1Pem), inputs.Pkcs1Der };
        RunCampaign(500, (mutator, i) =>
        {
            var mutated = mutator.Mutate(sources[i % sources.Length], out var how);
            var path = folder.File($"m{i}.key");
            File.WriteAllBytes(path, mutated);
            return ($"file {i % sources.Length}: {how}", () => SigningKeyLoader.FromFile(path));
        });
    }

    [Fact]
    public void Mutated_der_through_the_codec_reads_or_fails_typed()
    {
        var inputs = Valid.Value;
        var seed = Mutator.RunSeed();
        var mutator = new Mutator(seed);
        var failures = new List<string>();
        Bounded.Run(() =>
        {
            for (var i = 0; i < CodecCases; i++)
            {
                var (name, read) = (i % 4) switch
                {
                    0 => ("pkcs1", (Func<byte[], RSAParameters>)RsaKeyReader.ReadPkcs1PrivateKey),
                    1 => ("pkcs8", RsaKeyReader.ReadPkcs8PrivateKey),
                    2 => ("encrypted", d => RsaKeyReader.ReadEncryptedPkcs8PrivateKey(d, Password)),
                    _ => ("spki", RsaKeyReader.ReadSubjectPublicKeyInfo),
                };
                var source = (i % 4) switch { 0 => inputs.Pkcs1Der, 1 => inputs.Pkcs8Der, 2 => inputs.EncryptedDer, _ => inputs.SpkiDer };
                var mutated = mutator.Mutate(source, out var how);
                try
                {
                    read(mutated);
                }
                catch (KeyException e)
                {
                    CheckTyped(e, failures, i, how);
                }
                catch (Exception e)
                {
                    failures.Add($"case {i} ({name}: {how}): {e.GetType().FullName}");
                }
            }
        }, $"codec campaign, seed {seed}");
        _output.WriteLine($"seed {seed}: {CodecCases} codec cases, {failures.Count} untyped");
        Report(seed, CodecCases, failures);
    }

    private void RunCampaign(int count, Func<Mutator, int, (string How, Func<SigningKey> Load)> next)
    {
        var seed = Mutator.RunSeed();
        var mutator = new Mutator(seed);
        var failures = new List<string>();
        var loaded = 0;
        var errorIds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var current = "(none)";
        Bounded.Run(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var (how, load) = next(mutator, i);
                current = $"case {i} ({how})";
                try
                {
                    using var key = load();
                    // A key that loads must be usable: signing is what the login does next.
                    key.Rsa.SignData(new byte[] { 1, 2, 3 }, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                    loaded++;
                }
                catch (KeyException e)
                {
                    errorIds[e.ErrorId] = errorIds.TryGetValue(e.ErrorId, out var n) ? n + 1 : 1;
                    CheckTyped(e, failures, i, how);
                }
                catch (Exception e)
                {
                    failures.Add($"{current}: {e.GetType().FullName}");
                }
            }
        }, $"seed {seed}, stuck at {current}");
        _output.WriteLine($"seed {seed}: {count} cases, {loaded} loaded, errors: {string.Join(", ", errorIds.Select(p => $"{p.Key} {p.Value}"))}");
        Report(seed, count, failures);
    }

    private static void CheckTyped(JwtAuthException e, List<string> failures, int i, string how)
    {
        if (string.IsNullOrWhiteSpace(e.Fix)) failures.Add($"case {i} ({how}): {e.ErrorId} without a fix");
        var text = e.ToString();
        if (text.Contains(Valid.Value.KeyBody40, StringComparison.Ordinal) || text.Contains("MII", StringComparison.Ordinal))
            failures.Add($"case {i} ({how}): {e.ErrorId} message holds key material");
    }

    private void Report(int seed, int count, List<string> failures)
    {
        foreach (var failure in failures.Take(20)) _output.WriteLine(failure);
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {count} mutations failed untyped (seed {seed}; replay with JWTAUTH_MUTATION_SEED={seed}). First: {string.Join(" | ", failures.Take(5))}");
    }

    /// <summary>One valid key in every form the loader reads; encrypted forms use few PBKDF2 rounds to keep cases fast.</summary>
    private sealed class Inputs
    {
        public Inputs()
        {
            using var rsa = RSA.Create(2048);
            Pkcs8Pem = rsa.ExportPkcs8PrivateKeyPem();
            Pkcs1Pem = rsa.ExportRSAPrivateKeyPem();
            Pkcs8Der = rsa.ExportPkcs8PrivateKey();
            Pkcs1Der = rsa.ExportRSAPrivateKey();
            SpkiDer = rsa.ExportSubjectPublicKeyInfo();
            var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000);
            EncryptedPem = rsa.ExportEncryptedPkcs8PrivateKeyPem(Password, pbe);
            EncryptedDer = rsa.ExportEncryptedPkcs8PrivateKey(Password, pbe);
            var request = new CertificateRequest("CN=mutation", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            CertificatePem = certificate.ExportCertificatePem() + "\n";
            Pfx = certificate.Export(X509ContentType.Pfx, Password);
            KeyBody40 = Pkcs8Pem.Split('\n')[1].Substring(0, 40);
        }

        public string Pkcs8Pem { get; }
        public string Pkcs1Pem { get; }
        public string EncryptedPem { get; }
        public string CertificatePem { get; }
        public byte[] Pkcs8Der { get; }
        public byte[] Pkcs1Der { get; }
        public byte[] SpkiDer { get; }
        public byte[] EncryptedDer { get; }
        public byte[] Pfx { get; }
        public string KeyBody40 { get; }
    }
}
