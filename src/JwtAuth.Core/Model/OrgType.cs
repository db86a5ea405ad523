namespace JwtAuth.Core.Model
{
    /// <summary>What kind of org an auth is for, decided from the org-detail queries after login.</summary>
    public enum OrgType
    {
        Unknown,
        DevHub,
        Production,
        Sandbox,
        Scratch,
    }
}
