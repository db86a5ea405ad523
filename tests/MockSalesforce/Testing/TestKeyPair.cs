using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MockSalesforce.Testing;

/// <summary>
/// A fresh RSA key with a self-signed certificate, as a connected app would have: upload
/// <see cref="CertificatePem"/> to the mock, sign with <see cref="Key"/> (or <see cref="PrivateKeyPem"/>).
/// </summary>
public sealed class TestKeyPair : IDisposable
{
    private TestKeyPair(RSA key, X509Certificate2 certificate)
    {
        Key = key;
        Certificate = certificate;
    }

    /// <summary>The private key.</summary>
    public RSA Key { get; }

    /// <summary>The self-signed certificate (public part only).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate as PEM ("-----BEGIN CERTIFICATE-----").</summary>
    public string CertificatePem => Certificate.ExportCertificatePem();

    /// <summary>The private key as unencrypted PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----").</summary>
    public string PrivateKeyPem => Key.ExportPkcs8PrivateKeyPem();

    /// <summary>The private key as PKCS#1 PEM ("-----BEGIN RSA PRIVATE KEY-----"), as openssl genrsa writes it.</summary>
    public string RsaPrivateKeyPem => Key.ExportRSAPrivateKeyPem();

    /// <summary>Creates a key pair (2048 bits, Salesforce's minimum, by default).</summary>
    public static TestKeyPair Create(int keySizeBits = 2048, string subject = "CN=JwtAuth Test")
    {
        var key = RSA.Create(keySizeBits);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var withKey = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        var publicOnly = X509CertificateLoader.LoadCertificate(withKey.Export(X509ContentType.Cert));
        return new TestKeyPair(key, publicOnly);
    }

    /// <summary>
    /// Writes "server.key" (PKCS#8 PEM, owner-only on Unix) and "server.crt" into <paramref name="folder"/>,
    /// the pair a connected app setup uses; returns their paths.
    /// </summary>
    public (string KeyPath, string CertificatePath) WriteTo(string folder, string baseName = "server")
    {
        string keyPath = Path.Combine(folder, baseName + ".key");
        string certificatePath = Path.Combine(folder, baseName + ".crt");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(keyPath, options)) writer.Write(PrivateKeyPem);
        File.WriteAllText(certificatePath, CertificatePem);
        return (keyPath, certificatePath);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Key.Dispose();
        Certificate.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"TestKeyPair {Certificate.Thumbprint}";
}
