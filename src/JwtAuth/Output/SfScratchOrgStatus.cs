namespace JwtAuth
{
    /// <summary>A scratch org's ScratchOrgInfo status.</summary>
    public enum SfScratchOrgStatus
    {
        Unknown,
        New,
        Creating,
        Active,
        Error,
        Deleted,
    }
}
