namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>ScratchOrgInfo.Status: New and Creating while the signup runs, then Active or Error; Deleted once deleted or expired.</summary>
    public enum ScratchOrgStatus
    {
        /// <summary>A status this module does not know (or none was given).</summary>
        Unknown,
        New,
        Creating,
        Active,
        Error,
        Deleted,
    }
}
