using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Writes a PFX the way OpenSSL 3 does by default: the key in a PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC)
    /// shrouded key bag, the certificate in a PBES2-encrypted bag, and an HMAC-SHA256 MAC. The framework's
    /// Export uses 3DES or RC2 on older runtimes and on .NET Framework, which OpenSSL 3 reads only with -legacy.
    /// </summary>
    internal static class Pkcs12Writer
    {
        /// <summary>
        /// Iterations for the key, certificate and MAC; kept under .NET 9's default per-PFX loader limits
        /// (300,000 per KDF) so every runtime loads the file.
        /// </summary>
        public const int DefaultIterations = 100_000;

        public static byte[] Write(X509Certificate2 certificate, RSAParameters key, string password, int iterations = DefaultIterations)
        {
            if (password == null) throw new ArgumentNullException(nameof(password));
            byte[] localKeyId;
            using (var sha1 = SHA1.Create()) localKeyId = sha1.ComputeHash(certificate.RawData);

            var certBagContents = new AsnWriter(AsnEncodingRules.DER);
            using (certBagContents.PushSequence())
            {
                using (certBagContents.PushSequence())
                {
                    certBagContents.WriteObjectIdentifier(Oids.Pkcs12CertBag);
                    using (certBagContents.PushSequence(Explicit0))
                    using (certBagContents.PushSequence())
                    {
                        certBagContents.WriteObjectIdentifier(Oids.X509CertificateInBag);
                        using (certBagContents.PushSequence(Explicit0))
                            certBagContents.WriteOctetString(certificate.RawData);
                    }
                    WriteLocalKeyId(certBagContents, localKeyId);
                }
            }

            var shroudedKey = RsaKeyWriter.WriteEncryptedPkcs8PrivateKey(key, password, iterations);
            var keyBagContents = new AsnWriter(AsnEncodingRules.DER);
            using (keyBagContents.PushSequence())
            {
                using (keyBagContents.PushSequence())
                {
                    keyBagContents.WriteObjectIdentifier(Oids.Pkcs12ShroudedKeyBag);
                    using (keyBagContents.PushSequence(Explicit0))
                        keyBagContents.WriteEncodedValue(shroudedKey);
                    WriteLocalKeyId(keyBagContents, localKeyId);
                }
            }

            var authenticatedSafe = new AsnWriter(AsnEncodingRules.DER);
            using (authenticatedSafe.PushSequence())
            {
                WriteEncryptedData(authenticatedSafe, certBagContents.Encode(), password, iterations);
                using (authenticatedSafe.PushSequence())
                {
                    authenticatedSafe.WriteObjectIdentifier(Oids.Pkcs7Data);
                    using (authenticatedSafe.PushSequence(Explicit0))
                        authenticatedSafe.WriteOctetString(keyBagContents.Encode());
                }
            }
            var content = authenticatedSafe.Encode();

            var macSalt = Pbes2.RandomBytes(32);
            var passwordBytes = Pkcs12Kdf.EncodePassword(password);
            byte[] mac;
            try
            {
                mac = Pkcs12MacCheck.ComputeMac(content, passwordBytes, macSalt, iterations, HashAlgorithmName.SHA256);
            }
            finally
            {
                Array.Clear(passwordBytes, 0, passwordBytes.Length);
            }

            var pfx = new AsnWriter(AsnEncodingRules.DER);
            using (pfx.PushSequence())
            {
                pfx.WriteInteger(3);
                using (pfx.PushSequence())
                {
                    pfx.WriteObjectIdentifier(Oids.Pkcs7Data);
                    using (pfx.PushSequence(Explicit0))
                        pfx.WriteOctetString(content);
                }
                using (pfx.PushSequence())
                {
                    using (pfx.PushSequence())
                    {
                        using (pfx.PushSequence())
                        {
                            pfx.WriteObjectIdentifier(Oids.Sha256);
                            pfx.WriteNull();
                        }
                        pfx.WriteOctetString(mac);
                    }
                    pfx.WriteOctetString(macSalt);
                    pfx.WriteInteger(iterations);
                }
            }
            return pfx.Encode();
        }

        private static Asn1Tag Explicit0 => new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);

        private static void WriteEncryptedData(AsnWriter writer, byte[] safeContents, string password, int iterations)
        {
            var algorithm = new AsnWriter(AsnEncodingRules.DER);
            var cipherText = Pbes2.EncryptAes256(safeContents, password, iterations, algorithm);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Oids.Pkcs7EncryptedData);
                using (writer.PushSequence(Explicit0))
                using (writer.PushSequence())
                {
                    writer.WriteInteger(0);
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(Oids.Pkcs7Data);
                        writer.WriteEncodedValue(algorithm.Encode());
                        writer.WriteOctetString(cipherText, new Asn1Tag(TagClass.ContextSpecific, 0));
                    }
                }
            }
        }

        private static void WriteLocalKeyId(AsnWriter writer, byte[] localKeyId)
        {
            using (writer.PushSetOf())
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Oids.LocalKeyId);
                using (writer.PushSetOf())
                    writer.WriteOctetString(localKeyId);
            }
        }
    }
}
