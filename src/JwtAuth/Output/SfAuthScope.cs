namespace JwtAuth
{
    /// <summary>Where an auth is kept: Connect-SfOrgJwt -Scope takes CurrentUser or Process; SfCli marks the Salesforce CLI's orgs in listings.</summary>
    public enum SfAuthScope
    {
        /// <summary>Persisted for this user, visible to later sessions and processes.</summary>
        CurrentUser,

        /// <summary>Kept in this PowerShell process only (CI agents, throwaway sessions).</summary>
        Process,

        /// <summary>In the Salesforce CLI's files (Get-SfOrgAuth -SfCli); not a scope to connect into.</summary>
        SfCli,

        /// <summary>A scratch org listed by Get-SfScratchOrg that this machine does not hold: known only at its Dev Hub.</summary>
        DevHub,
    }
}
