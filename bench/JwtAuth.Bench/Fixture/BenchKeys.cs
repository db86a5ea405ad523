using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace JwtAuth.Bench.Fixture
{
    /// <summary>A fresh RSA-2048 key (PKCS#8 PEM, owner-only) and its self-signed certificate, as the connected app would hold it.</summary>
    internal sealed class BenchKeys
    {
        private BenchKeys(string keyPath, string certificatePath)
        {
            KeyPath = keyPath;
            CertificatePath = certificatePath;
        }

        public string KeyPath { get; }

        public string CertificatePath { get; }

        public static BenchKeys Create(string folder)
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=jwtauth-bench", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));

            var keyPath = Path.Combine(folder, "bench.key");
            File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            var certificatePath = Path.Combine(folder, "bench.crt");
            File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
            return new BenchKeys(keyPath, certificatePath);
        }
    }
}
