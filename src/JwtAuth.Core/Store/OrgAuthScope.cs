namespace JwtAuth.Core.Store
{
    /// <summary>Where an auth lives: for this process only (<c>-Scope Process</c>) or in the user's store on disk.</summary>
    public enum OrgAuthScope
    {
        Process,
        CurrentUser,
    }
}
