namespace MockSalesforce.Scratch;

/// <summary>ScratchOrgInfo.Status values, in the order a signup goes through them.</summary>
public enum ScratchOrgStatus
{
    /// <summary>Just inserted.</summary>
    New,

    /// <summary>Signup in progress.</summary>
    Creating,

    /// <summary>The org exists and its admin can log in (once replicated).</summary>
    Active,

    /// <summary>Signup failed; ErrorCode says why (e.g. C-1016).</summary>
    Error,

    /// <summary>Deleted through ActiveScratchOrg, or expired.</summary>
    Deleted,
}
