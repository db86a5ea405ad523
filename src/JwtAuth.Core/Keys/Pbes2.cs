using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// PBES2 (RFC 8018) as OpenSSL 1.x/3.x and .NET write it: PBKDF2 with HMAC-SHA1/256/384/512, then
    /// AES-128/192/256-CBC or DES-EDE3-CBC. Used for encrypted PKCS#8 keys and the bags inside PFX files.
    /// </summary>
    internal static class Pbes2
    {
        private const int MaxIterations = 10_000_000;

        /// <summary>Decrypts with the PBES2 parameters found in <paramref name="algorithm"/> (an AlgorithmIdentifier).</summary>
        /// <exception cref="NotSupportedException">The scheme is not PBES2 or uses an algorithm we do not implement.</exception>
        /// <exception cref="CryptographicException">Wrong password (bad padding) or broken data.</exception>
        public static byte[] Decrypt(ReadOnlyMemory<byte> algorithm, byte[] cipherText, string password)
        {
            var reader = new AsnReader(algorithm, AsnEncodingRules.BER).ReadSequence();
            var scheme = reader.ReadObjectIdentifier();
            if (scheme != Oids.Pbes2)
                throw new NotSupportedException("the key is encrypted with " + SchemeName(scheme) + ", which JwtAuth does not read; re-encrypt it with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
            var parameters = reader.ReadSequence();

            var kdf = parameters.ReadSequence();
            if (kdf.ReadObjectIdentifier() != Oids.Pbkdf2)
                throw new NotSupportedException("the key derivation is not PBKDF2 (scrypt is not supported); re-encrypt the key with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
            var kdfParams = kdf.ReadSequence();
            var salt = kdfParams.ReadOctetString();
            // .NET Framework's PBKDF2 refuses shorter salts; refuse them on every edition alike (OpenSSL writes 8 or 16).
            if (salt.Length < 8) throw new NotSupportedException("the PBKDF2 salt is shorter than 8 bytes");
            if (!kdfParams.TryReadInt32(out var iterations) || iterations < 1 || iterations > MaxIterations)
                throw new NotSupportedException("the PBKDF2 iteration count is out of range");
            int? keyLength = null;
            if (kdfParams.HasData && kdfParams.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            {
                kdfParams.TryReadInt32(out var length);
                keyLength = length;
            }
            var prf = HashAlgorithmName.SHA1;
            if (kdfParams.HasData)
            {
                var prfId = kdfParams.ReadSequence();
                prf = PrfFromOid(prfId.ReadObjectIdentifier());
            }

            var encryption = parameters.ReadSequence();
            var cipherOid = encryption.ReadObjectIdentifier();
            var iv = encryption.ReadOctetString();
            using var cipher = CreateCipher(cipherOid, out var cipherKeyLength);
            if (keyLength.HasValue && keyLength.Value != cipherKeyLength)
                throw new NotSupportedException("the PBKDF2 key length does not match the cipher");
            if (iv.Length != cipher.BlockSize / 8)
                throw new CryptographicException("The initialization vector has the wrong length.");

            var key = DeriveKey(password, salt, iterations, prf, cipherKeyLength);
            try
            {
                cipher.Key = key;
                cipher.IV = iv;
                cipher.Mode = CipherMode.CBC;
                cipher.Padding = PaddingMode.PKCS7;
                using var decryptor = cipher.CreateDecryptor();
                return decryptor.TransformFinalBlock(cipherText, 0, cipherText.Length);
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
            }
        }

        /// <summary>Encrypts with PBKDF2-HMAC-SHA256 and AES-256-CBC; writes the AlgorithmIdentifier into <paramref name="algorithmWriter"/>.</summary>
        public static byte[] EncryptAes256(byte[] plainText, string password, int iterations, AsnWriter algorithmWriter)
        {
            var salt = RandomBytes(16);
            var iv = RandomBytes(16);
            var key = DeriveKey(password, salt, iterations, HashAlgorithmName.SHA256, 32);
            try
            {
                using (algorithmWriter.PushSequence())
                {
                    algorithmWriter.WriteObjectIdentifier(Oids.Pbes2);
                    using (algorithmWriter.PushSequence())
                    {
                        using (algorithmWriter.PushSequence())
                        {
                            algorithmWriter.WriteObjectIdentifier(Oids.Pbkdf2);
                            using (algorithmWriter.PushSequence())
                            {
                                algorithmWriter.WriteOctetString(salt);
                                algorithmWriter.WriteInteger(iterations);
                                using (algorithmWriter.PushSequence())
                                {
                                    algorithmWriter.WriteObjectIdentifier(Oids.HmacWithSha256);
                                    algorithmWriter.WriteNull();
                                }
                            }
                        }
                        using (algorithmWriter.PushSequence())
                        {
                            algorithmWriter.WriteObjectIdentifier(Oids.Aes256Cbc);
                            algorithmWriter.WriteOctetString(iv);
                        }
                    }
                }

                using var aes = Aes.Create();
                aes.Key = key;
                aes.IV = iv;
                aes.Mode = CipherMode.CBC;
                aes.Padding = PaddingMode.PKCS7;
                using var encryptor = aes.CreateEncryptor();
                return encryptor.TransformFinalBlock(plainText, 0, plainText.Length);
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
            }
        }

        internal static byte[] RandomBytes(int count)
        {
            var bytes = new byte[count];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(bytes);
            return bytes;
        }

        private static byte[] DeriveKey(string password, byte[] salt, int iterations, HashAlgorithmName prf, int length)
        {
            // OpenSSL and .NET feed PBKDF2 the password's UTF-8 bytes (PKCS#12 MACs use BMP; that is elsewhere).
            var passwordBytes = Encoding.UTF8.GetBytes(password);
            try
            {
                using var pbkdf2 = new Rfc2898DeriveBytes(passwordBytes, salt, iterations, prf);
                return pbkdf2.GetBytes(length);
            }
            finally
            {
                Array.Clear(passwordBytes, 0, passwordBytes.Length);
            }
        }

        private static HashAlgorithmName PrfFromOid(string oid) => oid switch
        {
            Oids.HmacWithSha1 => HashAlgorithmName.SHA1,
            Oids.HmacWithSha256 => HashAlgorithmName.SHA256,
            Oids.HmacWithSha384 => HashAlgorithmName.SHA384,
            Oids.HmacWithSha512 => HashAlgorithmName.SHA512,
            _ => throw new NotSupportedException("the PBKDF2 hash (" + oid + ") is not supported; re-encrypt the key with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'"),
        };

        private static SymmetricAlgorithm CreateCipher(string oid, out int keyLength)
        {
            switch (oid)
            {
                case Oids.Aes128Cbc: keyLength = 16; return Aes.Create();
                case Oids.Aes192Cbc: keyLength = 24; return Aes.Create();
                case Oids.Aes256Cbc: keyLength = 32; return Aes.Create();
                case Oids.DesEde3Cbc: keyLength = 24; return TripleDES.Create();
                default:
                    throw new NotSupportedException("the cipher (" + oid + ") is not supported; re-encrypt the key with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
            }
        }

        private static string SchemeName(string oid) => oid.StartsWith("1.2.840.113549.1.12.1.", StringComparison.Ordinal)
            ? "a PKCS#12 password scheme (" + oid + ")"
            : oid.StartsWith("1.2.840.113549.1.5.", StringComparison.Ordinal) ? "PBES1 (" + oid + ")" : "an unknown scheme (" + oid + ")";
    }
}
