using System;
using System.Formats.Asn1;
using System.Security.Cryptography;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Writes <see cref="RSAParameters"/> as PKCS#1, PKCS#8, encrypted PKCS#8 (PBES2, see <see cref="Pbes2"/>) and
    /// SubjectPublicKeyInfo, DER or PEM, byte for byte as .NET 8 writes them, also on .NET Framework 4.7.2
    /// (System.Formats.Asn1 instead of the framework's PEM APIs). <see cref="RsaKeyReader"/> reads them back.
    /// </summary>
    public static class RsaKeyWriter
    {
        /// <summary>PBKDF2 iterations for keys we encrypt (OWASP 2023 figure for PBKDF2-HMAC-SHA256).</summary>
        public const int DefaultPbkdf2Iterations = 600_000;

        /// <summary>Writes a DER PKCS#1 RSAPrivateKey (byte for byte what .NET's ExportRSAPrivateKey writes).</summary>
        public static byte[] WritePkcs1PrivateKey(RSAParameters key)
        {
            RequirePrivate(key);
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteInteger(0);
                WriteUnsigned(writer, key.Modulus);
                WriteUnsigned(writer, key.Exponent);
                WriteUnsigned(writer, key.D);
                WriteUnsigned(writer, key.P);
                WriteUnsigned(writer, key.Q);
                WriteUnsigned(writer, key.DP);
                WriteUnsigned(writer, key.DQ);
                WriteUnsigned(writer, key.InverseQ);
            }
            return writer.Encode();
        }

        /// <summary>Writes a DER PKCS#8 PrivateKeyInfo (byte for byte what .NET's ExportPkcs8PrivateKey writes).</summary>
        public static byte[] WritePkcs8PrivateKey(RSAParameters key)
        {
            var pkcs1 = WritePkcs1PrivateKey(key);
            try
            {
                var writer = new AsnWriter(AsnEncodingRules.DER);
                using (writer.PushSequence())
                {
                    writer.WriteInteger(0);
                    WriteRsaAlgorithm(writer);
                    writer.WriteOctetString(pkcs1);
                }
                return writer.Encode();
            }
            finally
            {
                Array.Clear(pkcs1, 0, pkcs1.Length);
            }
        }

        /// <summary>Writes a DER EncryptedPrivateKeyInfo: PBES2, PBKDF2-HMAC-SHA256 with a 16-byte salt, AES-256-CBC.</summary>
        public static byte[] WriteEncryptedPkcs8PrivateKey(RSAParameters key, string password, int iterations = DefaultPbkdf2Iterations)
        {
            if (password == null) throw new ArgumentNullException(nameof(password));
            if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations));
            var pkcs8 = WritePkcs8PrivateKey(key);
            try
            {
                var algorithm = new AsnWriter(AsnEncodingRules.DER);
                var cipherText = Pbes2.EncryptAes256(pkcs8, password, iterations, algorithm);
                var writer = new AsnWriter(AsnEncodingRules.DER);
                using (writer.PushSequence())
                {
                    writer.WriteEncodedValue(algorithm.Encode());
                    writer.WriteOctetString(cipherText);
                }
                return writer.Encode();
            }
            finally
            {
                Array.Clear(pkcs8, 0, pkcs8.Length);
            }
        }

        /// <summary>Writes a DER SubjectPublicKeyInfo (BEGIN PUBLIC KEY).</summary>
        public static byte[] WriteSubjectPublicKeyInfo(RSAParameters key)
        {
            var rsa = new AsnWriter(AsnEncodingRules.DER);
            using (rsa.PushSequence())
            {
                WriteUnsigned(rsa, key.Modulus);
                WriteUnsigned(rsa, key.Exponent);
            }
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                WriteRsaAlgorithm(writer);
                writer.WriteBitString(rsa.Encode());
            }
            return writer.Encode();
        }

        /// <summary>
        /// The private key as PEM text: PKCS#8 (BEGIN PRIVATE KEY), PKCS#1 (BEGIN RSA PRIVATE KEY), or, when a password
        /// is given, encrypted PKCS#8 (BEGIN ENCRYPTED PRIVATE KEY, PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC).
        /// </summary>
        public static string ExportPem(RSAParameters key, PrivateKeyFormat format, string? password = null,
            int iterations = DefaultPbkdf2Iterations)
        {
            byte[] der;
            string label;
            if (password != null)
            {
                der = WriteEncryptedPkcs8PrivateKey(key, password, iterations);
                label = PemLabels.EncryptedPrivateKey;
            }
            else if (format == PrivateKeyFormat.Pkcs1)
            {
                der = WritePkcs1PrivateKey(key);
                label = PemLabels.RsaPrivateKey;
            }
            else
            {
                der = WritePkcs8PrivateKey(key);
                label = PemLabels.PrivateKey;
            }
            try
            {
                return Pem.Write(label, der);
            }
            finally
            {
                Array.Clear(der, 0, der.Length);
            }
        }

        /// <summary>The public key as PEM (BEGIN PUBLIC KEY).</summary>
        public static string ExportPublicKeyPem(RSAParameters key) => Pem.Write(PemLabels.PublicKey, WriteSubjectPublicKeyInfo(key));

        private static void WriteRsaAlgorithm(AsnWriter writer)
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Oids.Rsa);
                writer.WriteNull();
            }
        }

        // RSAParameters pad D and the CRT parts to fixed widths; DER wants the minimal encoding, so drop leading zeros.
        private static void WriteUnsigned(AsnWriter writer, byte[]? value)
        {
            var span = new ReadOnlySpan<byte>(value ?? throw new ArgumentException("An RSA key part is missing."));
            var start = 0;
            while (start < span.Length - 1 && span[start] == 0) start++;
            writer.WriteIntegerUnsigned(span.Slice(start));
        }

        private static void RequirePrivate(RSAParameters key)
        {
            if (key.Modulus == null || key.Exponent == null || key.D == null || key.P == null || key.Q == null
                || key.DP == null || key.DQ == null || key.InverseQ == null)
                throw new ArgumentException("The RSA parameters hold no private key (export them with includePrivateParameters: true).", nameof(key));
        }
    }
}
