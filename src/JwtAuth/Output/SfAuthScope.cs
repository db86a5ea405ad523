namespace JwtAuth
{
    /// <summary>Where Connect-SfOrgJwt keeps an auth.</summary>
    public enum SfAuthScope
    {
        /// <summary>Persisted for this user, visible to later sessions and processes.</summary>
        CurrentUser,

        /// <summary>Kept in this PowerShell process only (CI agents, throwaway sessions).</summary>
        Process,
    }
}
