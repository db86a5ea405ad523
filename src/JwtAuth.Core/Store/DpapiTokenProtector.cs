using System;
using System.Security.Cryptography;
using System.Text;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// Windows: DPAPI in CurrentUser scope, so only this Windows user on this machine can read the
    /// token; the username is the optional entropy, binding the ciphertext to its org.
    /// </summary>
#if NET8_0_OR_GREATER
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
#endif
    internal sealed class DpapiTokenProtector : ITokenProtector
    {
        public const string SchemeName = "dpapi-currentuser";

        public ProtectedToken Protect(string token, string username)
        {
            var data = ProtectedData.Protect(Encoding.UTF8.GetBytes(token), TokenBinding.For(username), DataProtectionScope.CurrentUser);
            return new ProtectedToken { Scheme = SchemeName, Data = Convert.ToBase64String(data) };
        }

        public ProtectedToken? TryProtectWithoutLock(string token, string username) => Protect(token, username);

        public string? Unprotect(ProtectedToken token, string username)
        {
            if (token.Scheme != SchemeName) return null;
            try
            {
                var data = ProtectedData.Unprotect(Convert.FromBase64String(token.Data), TokenBinding.For(username), DataProtectionScope.CurrentUser);
                return Encoding.UTF8.GetString(data);
            }
            catch (Exception e) when (e is CryptographicException || e is FormatException)
            {
                return null;
            }
        }
    }
}
