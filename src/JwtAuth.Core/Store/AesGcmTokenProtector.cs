#if NET8_0_OR_GREATER
using System;
using System.Security.Cryptography;
using System.Text;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// Linux and macOS: AES-256-GCM under the store's owner-only key file, a fresh 12-byte nonce per
    /// write and the username as associated data. Stored as base64 of nonce | ciphertext | 16-byte tag.
    /// </summary>
    internal sealed class AesGcmTokenProtector : ITokenProtector
    {
        public const string SchemeName = "aes-256-gcm";
        private const int NonceLength = 12;
        private const int TagLength = 16;
        private readonly StoreKeyFile _keyFile;

        public AesGcmTokenProtector(StoreKeyFile keyFile) => _keyFile = keyFile;

        public ProtectedToken Protect(string token, string username) => Encrypt(_keyFile.LoadOrCreate(), token, username);

        public ProtectedToken? TryProtectWithoutLock(string token, string username)
        {
            var key = _keyFile.TryLoad();
            return key == null ? null : Encrypt(key, token, username);
        }

        private static ProtectedToken Encrypt(byte[] key, string token, string username)
        {
            var plain = Encoding.UTF8.GetBytes(token);
            var blob = new byte[NonceLength + plain.Length + TagLength];
            var nonce = blob.AsSpan(0, NonceLength);
            RandomNumberGenerator.Fill(nonce);
            using (var aes = new AesGcm(key, TagLength))
            {
                aes.Encrypt(nonce, plain, blob.AsSpan(NonceLength, plain.Length), blob.AsSpan(NonceLength + plain.Length), TokenBinding.For(username));
            }
            CryptographicOperations.ZeroMemory(plain);
            return new ProtectedToken { Scheme = SchemeName, Data = Convert.ToBase64String(blob) };
        }

        public string? Unprotect(ProtectedToken token, string username)
        {
            if (token.Scheme != SchemeName) return null;
            var key = _keyFile.TryLoad();
            if (key == null) return null;
            byte[] blob;
            try { blob = Convert.FromBase64String(token.Data); }
            catch (FormatException) { return null; }
            if (blob.Length < NonceLength + TagLength) return null;

            var cipherLength = blob.Length - NonceLength - TagLength;
            var plain = new byte[cipherLength];
            try
            {
                using var aes = new AesGcm(key, TagLength);
                aes.Decrypt(blob.AsSpan(0, NonceLength), blob.AsSpan(NonceLength, cipherLength),
                    blob.AsSpan(NonceLength + cipherLength, TagLength), plain, TokenBinding.For(username));
                return Encoding.UTF8.GetString(plain);
            }
            catch (CryptographicException)
            {
                return null;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plain);
            }
        }
    }
}
#endif
