using System.Text;

namespace JwtAuth.Core.Store
{
    /// <summary>The bytes that tie a protected token to its org: a label plus the lower-cased username.</summary>
    internal static class TokenBinding
    {
        public static byte[] For(string username) =>
            Encoding.UTF8.GetBytes("JwtAuth.AccessToken.v1:" + username.ToLowerInvariant());
    }
}
