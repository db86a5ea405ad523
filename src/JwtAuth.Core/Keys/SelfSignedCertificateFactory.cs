using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.Text;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Creates the self-signed certificate and RSA key a Salesforce connected app needs for "Use digital signatures":
    /// X.509 v3, sha256WithRSAEncryption (PKCS#1 v1.5), a random positive 128-bit serial, CA=false,
    /// key usage digitalSignature, and a subject key identifier.
    /// </summary>
    public static class SelfSignedCertificateFactory
    {
        public const int MaxCommonNameLength = 64;
        public const int MaxValidDays = 36500;

        /// <summary>Minutes NotBefore lies in the past, so a clock that runs a little behind still accepts the certificate.</summary>
        public const int ClockSkewMinutes = 5;

        /// <summary>Key sizes we create.</summary>
        public static readonly int[] AllowedKeySizes = { 2048, 3072, 4096 };

        /// <summary>Creates the certificate with its private key attached. Dispose it when done.</summary>
        public static X509Certificate2 Create(CertificateSpec spec)
        {
            if (spec == null) throw new ArgumentNullException(nameof(spec));
            var subject = BuildSubject(spec.CommonName);
            if (Array.IndexOf(AllowedKeySizes, spec.KeySize) < 0) throw KeyErrors.InvalidKeySize(spec.KeySize);
            if (spec.ValidDays < 1 || spec.ValidDays > MaxValidDays) throw KeyErrors.InvalidValidity(spec.ValidDays);

            var now = DateTimeOffset.UtcNow;
            var notBefore = TruncateToSeconds(now.AddMinutes(-ClockSkewMinutes));
            var notAfter = TruncateToSeconds(now.AddDays(spec.ValidDays));

            using var rsa = RsaKeyFactory.Create(spec.KeySize);
            var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

            var generator = X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1);
            using var certificate = request.Create(subject, generator, notBefore, notAfter, NewSerialNumber());
            return certificate.CopyWithPrivateKey(rsa);
        }

        /// <summary>
        /// "CN=&lt;name&gt;" built as DER, so commas, quotes, plus signs or '=' in the name stay part of the name
        /// instead of being parsed as more attributes.
        /// </summary>
        public static X500DistinguishedName BuildSubject(string commonName)
        {
            var name = (commonName ?? string.Empty).Trim();
            if (name.Length == 0) throw KeyErrors.InvalidCommonName("is empty");
            if (name.Length > MaxCommonNameLength) throw KeyErrors.InvalidCommonName($"is {Plural.Of(name.Length, "character")} long (at most {MaxCommonNameLength})");
            foreach (var c in name)
                if (char.IsControl(c)) throw KeyErrors.InvalidCommonName("contains a control character");

            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            using (writer.PushSetOf())
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Oids.CommonName);
                writer.WriteCharacterString(UniversalTagNumber.UTF8String, name);
            }
            return new X500DistinguishedName(writer.Encode());
        }

        // 16 random bytes, top bit cleared: positive, and never more than the 20 octets RFC 5280 allows.
        private static byte[] NewSerialNumber()
        {
            var serial = Pbes2.RandomBytes(16);
            serial[0] &= 0x7F;
            if (serial[0] == 0) serial[0] = 0x01;
            return serial;
        }

        private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
            new DateTimeOffset(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
