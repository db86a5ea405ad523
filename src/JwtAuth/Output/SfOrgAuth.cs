using System.Security;

namespace JwtAuth
{
    /// <summary>An authorized org whose access token is a SecureString (null when no usable token is held).</summary>
    public sealed class SfOrgAuth : SfOrgAuthBase
    {
        public SecureString? AccessToken { get; set; }

        public override bool HasToken => AccessToken != null;
    }
}
