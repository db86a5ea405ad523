using System;
using System.Net;
using System.Security;

namespace JwtAuth.Infrastructure
{
    internal static class SecureStrings
    {
        /// <summary>The plain text of a SecureString, for the moment the core needs it; null stays null.</summary>
        public static string? Reveal(SecureString? value) =>
            value is null ? null : new NetworkCredential(string.Empty, value).Password;

        public static SecureString Protect(string value)
        {
            var secure = new SecureString();
            foreach (var c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
