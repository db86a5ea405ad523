using System;
using System.Security.Cryptography;
using System.Text;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// The PKCS#12 key derivation (RFC 7292 appendix B.2), still what every PFX MAC uses even with SHA-256,
    /// and the PKCS#12 password encoding (BMPString, big-endian, with a two-byte terminator).
    /// </summary>
    internal static class Pkcs12Kdf
    {
        public const byte MacKeyId = 3;

        /// <summary>BMPString bytes of the password with its terminator; a null password is no bytes at all.</summary>
        public static byte[] EncodePassword(string? password)
        {
            if (password == null) return Array.Empty<byte>();
            var utf16 = Encoding.BigEndianUnicode.GetBytes(password);
            var result = new byte[utf16.Length + 2];
            Buffer.BlockCopy(utf16, 0, result, 0, utf16.Length);
            Array.Clear(utf16, 0, utf16.Length);
            return result;
        }

        public static byte[] Derive(byte[] password, byte[] salt, int iterations, byte id, HashAlgorithmName hash, int length)
        {
            using var digest = CreateHash(hash);
            var u = digest.HashSize / 8;
            var v = BlockSize(hash);

            var d = new byte[v];
            for (var i = 0; i < v; i++) d[i] = id;
            var s = Repeat(salt, v);
            var p = Repeat(password, v);
            var input = new byte[s.Length + p.Length];
            Buffer.BlockCopy(s, 0, input, 0, s.Length);
            Buffer.BlockCopy(p, 0, input, s.Length, p.Length);

            var result = new byte[length];
            var produced = 0;
            var b = new byte[v];
            while (true)
            {
                var a = HashOnce(digest, d, input);
                for (var r = 1; r < iterations; r++) a = HashOnce(digest, a, null);
                var take = Math.Min(u, length - produced);
                Buffer.BlockCopy(a, 0, result, produced, take);
                produced += take;
                if (produced >= length) break;

                for (var i = 0; i < v; i++) b[i] = a[i % u];
                for (var block = 0; block < input.Length; block += v)
                {
                    // I_j = (I_j + B + 1) mod 2^(8v), big-endian
                    var carry = 1;
                    for (var k = v - 1; k >= 0; k--)
                    {
                        var sum = input[block + k] + b[k] + carry;
                        input[block + k] = (byte)sum;
                        carry = sum >> 8;
                    }
                }
            }
            Array.Clear(input, 0, input.Length);
            Array.Clear(p, 0, p.Length);
            return result;
        }

        internal static HashAlgorithm CreateHash(HashAlgorithmName hash)
        {
            if (hash == HashAlgorithmName.SHA1) return SHA1.Create();
            if (hash == HashAlgorithmName.SHA256) return SHA256.Create();
            if (hash == HashAlgorithmName.SHA384) return SHA384.Create();
            if (hash == HashAlgorithmName.SHA512) return SHA512.Create();
            throw new NotSupportedException("Unsupported PKCS#12 hash " + hash.Name + ".");
        }

        internal static HMAC CreateHmac(HashAlgorithmName hash, byte[] key)
        {
            if (hash == HashAlgorithmName.SHA1) return new HMACSHA1(key);
            if (hash == HashAlgorithmName.SHA256) return new HMACSHA256(key);
            if (hash == HashAlgorithmName.SHA384) return new HMACSHA384(key);
            if (hash == HashAlgorithmName.SHA512) return new HMACSHA512(key);
            throw new NotSupportedException("Unsupported PKCS#12 hash " + hash.Name + ".");
        }

        private static int BlockSize(HashAlgorithmName hash) =>
            hash == HashAlgorithmName.SHA384 || hash == HashAlgorithmName.SHA512 ? 128 : 64;

        private static byte[] HashOnce(HashAlgorithm digest, byte[] first, byte[]? second)
        {
            digest.Initialize();
            if (second == null) return digest.ComputeHash(first);
            digest.TransformBlock(first, 0, first.Length, null, 0);
            digest.TransformFinalBlock(second, 0, second.Length);
            return digest.Hash!;
        }

        private static byte[] Repeat(byte[] value, int v)
        {
            if (value.Length == 0) return Array.Empty<byte>();
            var length = v * ((value.Length + v - 1) / v);
            var result = new byte[length];
            for (var i = 0; i < length; i++) result[i] = value[i % value.Length];
            return result;
        }
    }
}
