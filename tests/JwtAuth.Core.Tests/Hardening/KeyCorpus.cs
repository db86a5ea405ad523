using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using JwtAuth.Core.Keys;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// One bad (or deliberately odd but valid) key input and what loading it must end in: an ErrorId of a
/// <see cref="KeyException"/>, or null for success. <see cref="TextExpected"/> is for the same content given as
/// text (a pipeline secret) and is skipped (<see cref="NotAsText"/>) when the content is not text.
/// </summary>
public sealed record KeyCorpusCase(string Name, byte[] Content, string? Password, string? FileExpected, string? TextExpected)
{
    public const string NotAsText = "(binary: no text form)";

    public override string ToString() => Name;
}

/// <summary>
/// The bad-key corpus, generated at test time (no key material is committed): what admins paste from wikis,
/// what pipeline secrets do to PEM, and keys Salesforce would never accept. Made once per test class.
/// </summary>
public sealed class KeyCorpus : IDisposable
{
    public const string Password = "corpus-pw";
    private static readonly Lazy<KeyCorpus> SharedInstance = new(() => new KeyCorpus());

    private readonly Dictionary<string, KeyCorpusCase> _cases = new(StringComparer.Ordinal);

    public static KeyCorpus Shared => SharedInstance.Value;

    private KeyCorpus()
    {
        Rsa = RSA.Create(2048);
        var pkcs8 = Rsa.ExportPkcs8PrivateKeyPem();
        var pkcs1 = Rsa.ExportRSAPrivateKeyPem();
        var pkcs8Der = Rsa.ExportPkcs8PrivateKey();
        Pkcs8Pem = pkcs8;

        var request = new CertificateRequest("CN=corpus", Rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var pfx = certificate.Export(X509ContentType.Pfx, Password);
        var encrypted = Rsa.ExportEncryptedPkcs8PrivateKeyPem(Password,
            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 2048));

        using var small = RSA.Create(1024);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var garbage = new byte[4096];
        new Random(4242).NextBytes(garbage);
        garbage[0] = 0x01; // not a DER SEQUENCE, not text

        var body = Body(pkcs8);
        var half = pkcs8.Substring(0, pkcs8.Length / 2);

        // Loadable controls: the corpus must also prove that odd-but-valid input still works.
        Add("valid-pkcs8-pem", pkcs8, null, null, null);
        Add("valid-pkcs1-pem", pkcs1, null, null, null);
        Add("pem-crlf-bom-quoted", "\uFEFF\"" + pkcs8.Replace("\n", "\r\n") + "\"", null, null, null);
        Add("pem-literal-backslash-n", pkcs8.Replace("\n", "\\n"), null, null, null);
        Add("pem-utf16-le", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(pkcs8)).ToArray(), null, null, KeyCorpusCase.NotAsText);
        Add("der-pkcs8-instead-of-pem", pkcs8Der, null, null, KeyCorpusCase.NotAsText);
        Add("der-pkcs1-instead-of-pem", Rsa.ExportRSAPrivateKey(), null, null, KeyCorpusCase.NotAsText);
        Add("encrypted-pkcs8-right-password", encrypted, Password, null, null);
        Add("pfx-right-password", pfx, Password, null, KeyCorpusCase.NotAsText);
        Add("base64-of-pfx", Convert.ToBase64String(pfx), Password, null, null);

        // Cut, damaged or mislabelled PEM.
        Add("truncated-no-end-line", half, null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyUnreadable);
        Add("truncated-body-with-end-line", "-----BEGIN PRIVATE KEY-----\n" + body.Substring(0, body.Length / 2) + "\n-----END PRIVATE KEY-----\n",
            null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyUnreadable);
        Add("only-begin-line", "-----BEGIN PRIVATE KEY-----\n", null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyUnreadable);
        Add("body-with-invalid-base64", pkcs8.Replace(body.Substring(100, 4), "*%$#"), null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyUnreadable);
        Add("pkcs8-body-under-rsa-label", pkcs8.Replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY").Replace("END PRIVATE KEY", "END RSA PRIVATE KEY"),
            null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyUnreadable);
        Add("pkcs1-body-under-pkcs8-label", pkcs1.Replace("RSA PRIVATE KEY", "PRIVATE KEY"), null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyUnreadable);
        Add("mismatched-end-label", pkcs8.Replace("END PRIVATE KEY", "END RSA PRIVATE KEY"), null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyUnreadable);
        Add("unknown-label", pkcs8.Replace("PRIVATE KEY", "SECRET STUFF"), null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyUnreadable);
        Add("lowercase-label", pkcs8.Replace("PRIVATE KEY", "private key"), null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyUnreadable);
        Add("legacy-openssl-encryption", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\n" +
            body + "\n-----END RSA PRIVATE KEY-----\n", Password, KeyErrorIds.LegacyEncryptedPem, KeyErrorIds.LegacyEncryptedPem);
        Add("openssh-format", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n-----END OPENSSH PRIVATE KEY-----\n",
            null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyUnreadable);
        Add("wiki-paste-no-armor-prose", "Here is the key for the integration user:\n" + body.Substring(0, 200) + " (ask Bob for the rest)",
            null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyUnreadable);

        // Not a private key at all.
        Add("certificate-pem", certificate.ExportCertificatePem(), null, KeyErrorIds.NotAPrivateKey, KeyErrorIds.NotAPrivateKey);
        Add("certificate-der", certificate.Export(X509ContentType.Cert), null, KeyErrorIds.NotAPrivateKey, KeyCorpusCase.NotAsText);
        Add("public-key-pem", Rsa.ExportSubjectPublicKeyInfoPem(), null, KeyErrorIds.NotAPrivateKey, KeyErrorIds.NotAPrivateKey);
        Add("rsa-public-key-pem", Rsa.ExportRSAPublicKeyPem(), null, KeyErrorIds.NotAPrivateKey, KeyErrorIds.NotAPrivateKey);
        Add("public-key-der", Rsa.ExportSubjectPublicKeyInfo(), null, KeyErrorIds.NotAPrivateKey, KeyCorpusCase.NotAsText);
        Add("csr-pem", request.CreateSigningRequestPem(), null, KeyErrorIds.NotAPrivateKey, KeyErrorIds.NotAPrivateKey);
        Add("binary-garbage", garbage, null, KeyErrorIds.KeyUnreadable, KeyCorpusCase.NotAsText);
        Add("garbage-as-latin1-text", Encoding.Latin1.GetString(garbage), null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyUnreadable);
        Add("empty", Array.Empty<byte>(), null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyTextEmpty);
        Add("whitespace-only", " \r\n\t \n", null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyTextEmpty);
        Add("multi-megabyte-pem-lookalike", string.Concat(Enumerable.Repeat(pkcs8.Replace("PRIVATE KEY", "DATA"), 3 * 1024 * 1024 / pkcs8.Length)),
            null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyUnreadable);
        Add("multi-megabyte-begin-lines", string.Concat(Enumerable.Repeat("-----BEGIN PRIVATE KEY-----\n", 120_000)),
            null, KeyErrorIds.KeyUnreadable, KeyErrorIds.KeyUnreadable);

        // Keys Salesforce or JwtAuth cannot use.
        Add("encrypted-pkcs8-wrong-password", encrypted, "not-the-password", KeyErrorIds.KeyPasswordIncorrect, KeyErrorIds.KeyPasswordIncorrect);
        Add("encrypted-pkcs8-no-password", encrypted, null, KeyErrorIds.KeyPasswordRequired, KeyErrorIds.KeyPasswordRequired);
        Add("pfx-wrong-password", pfx, "not-the-password", KeyErrorIds.KeyPasswordIncorrect, KeyCorpusCase.NotAsText);
        Add("pfx-no-password", pfx, null, KeyErrorIds.KeyPasswordRequired, KeyCorpusCase.NotAsText);
        Add("ec-key-sec1", ec.ExportECPrivateKeyPem(), null, KeyErrorIds.KeyNotRsa, KeyErrorIds.KeyNotRsa);
        Add("ec-key-pkcs8", ec.ExportPkcs8PrivateKeyPem(), null, KeyErrorIds.KeyNotRsa, KeyErrorIds.KeyNotRsa);
        Add("ec-key-der", ec.ExportPkcs8PrivateKey(), null, KeyErrorIds.KeyNotRsa, KeyCorpusCase.NotAsText);
        Add("rsa-1024", small.ExportPkcs8PrivateKeyPem(), null, KeyErrorIds.KeyTooSmall, KeyErrorIds.KeyTooSmall);
        Add("rsa-1024-pkcs1", small.ExportRSAPrivateKeyPem(), null, KeyErrorIds.KeyTooSmall, KeyErrorIds.KeyTooSmall);
    }

    /// <summary>The valid key every loadable case holds.</summary>
    public RSA Rsa { get; }

    public string Pkcs8Pem { get; }

    /// <summary>The base64 body of <see cref="Pkcs8Pem"/> without line breaks: key material that must never leak.</summary>
    public string KeyBody => Body(Pkcs8Pem).Replace("\n", string.Empty);

    public IReadOnlyCollection<KeyCorpusCase> Cases => _cases.Values;

    public KeyCorpusCase this[string name] => _cases[name];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Shared._cases.Keys) data.Add(name);
        return data;
    }

    public static TheoryData<string> TextNames()
    {
        var data = new TheoryData<string>();
        foreach (var item in Shared._cases.Values.Where(c => c.TextExpected != KeyCorpusCase.NotAsText)) data.Add(item.Name);
        return data;
    }

    private void Add(string name, string content, string? password, string? file, string? text) =>
        Add(name, Encoding.UTF8.GetBytes(content), password, file, text);

    private void Add(string name, byte[] content, string? password, string? file, string? text) =>
        _cases.Add(name, new KeyCorpusCase(name, content, password, file, text));

    private static string Body(string pem)
    {
        var lines = pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal));
        return string.Join("\n", lines);
    }

    public void Dispose() => Rsa.Dispose();
}
