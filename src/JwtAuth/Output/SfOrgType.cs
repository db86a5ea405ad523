namespace JwtAuth
{
    /// <summary>What kind of org an auth is for.</summary>
    public enum SfOrgType
    {
        Unknown,
        DevHub,
        Production,
        Sandbox,
        Scratch,
    }
}
