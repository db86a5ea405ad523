using System;
using System.Formats.Asn1;
using System.Security.Cryptography;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Checks a password against a PFX's MAC before the framework loads it, so a missing password and a wrong one
    /// become different, precise errors on every platform; and computes the MAC for the PFX files we write.
    /// </summary>
    internal static class Pkcs12MacCheck
    {
        private const int MaxIterations = 10_000_000;

        public enum Outcome
        {
            /// <summary>No MAC, or one we cannot compute: let the framework decide.</summary>
            Unchecked,
            Matches,
            Mismatch,
        }

        /// <summary>Checks <paramref name="password"/> (null: no password) against the PFX's MAC.</summary>
        public static Outcome Check(ReadOnlyMemory<byte> der, string? password)
        {
            byte[] content;
            byte[] expected;
            byte[] salt;
            int iterations;
            HashAlgorithmName hash;
            try
            {
                var pfx = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
                pfx.TryReadInt32(out _);
                var authSafe = pfx.ReadSequence();
                if (authSafe.ReadObjectIdentifier() != Oids.Pkcs7Data) return Outcome.Unchecked;
                content = authSafe.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadOctetString();
                if (!pfx.HasData) return Outcome.Unchecked;

                var macData = pfx.ReadSequence();
                var digestInfo = macData.ReadSequence();
                var algorithm = digestInfo.ReadSequence();
                var hashOid = algorithm.ReadObjectIdentifier();
                expected = digestInfo.ReadOctetString();
                salt = macData.ReadOctetString();
                iterations = 1;
                if (macData.HasData && !macData.TryReadInt32(out iterations)) return Outcome.Unchecked;
                if (iterations < 1 || iterations > MaxIterations) return Outcome.Unchecked;
                switch (hashOid)
                {
                    case Oids.Sha1: hash = HashAlgorithmName.SHA1; break;
                    case Oids.Sha256: hash = HashAlgorithmName.SHA256; break;
                    case Oids.Sha384: hash = HashAlgorithmName.SHA384; break;
                    case Oids.Sha512: hash = HashAlgorithmName.SHA512; break;
                    default: return Outcome.Unchecked;
                }
            }
            catch (AsnContentException)
            {
                return Outcome.Unchecked;
            }

            var passwordBytes = Pkcs12Kdf.EncodePassword(password);
            try
            {
                var actual = ComputeMac(content, passwordBytes, salt, iterations, hash);
                return FixedTimeEquals(actual, expected) ? Outcome.Matches : Outcome.Mismatch;
            }
            finally
            {
                Array.Clear(passwordBytes, 0, passwordBytes.Length);
            }
        }

        internal static byte[] ComputeMac(byte[] content, byte[] passwordBytes, byte[] salt, int iterations, HashAlgorithmName hash)
        {
            int length;
            using (var digest = Pkcs12Kdf.CreateHash(hash)) length = digest.HashSize / 8;
            var key = Pkcs12Kdf.Derive(passwordBytes, salt, iterations, Pkcs12Kdf.MacKeyId, hash, length);
            try
            {
                using var hmac = Pkcs12Kdf.CreateHmac(hash, key);
                return hmac.ComputeHash(content);
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
            }
        }

        private static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            var diff = 0;
            for (var i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }
    }
}
