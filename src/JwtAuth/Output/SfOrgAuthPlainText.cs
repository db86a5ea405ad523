namespace JwtAuth
{
    /// <summary>An authorized org whose access token is a plain string: written only when -AsPlainText asks for it.</summary>
    public sealed class SfOrgAuthPlainText : SfOrgAuthBase
    {
        public string? AccessToken { get; set; }

        public override bool HasToken => AccessToken != null;
    }
}
