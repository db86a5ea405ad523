namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>How far one org of a New-SfScratchOrg run got.</summary>
    public enum ScratchOrgStage
    {
        /// <summary>Not sent to Salesforce (the run stopped first, or Salesforce refused the same request for another org).</summary>
        NotRequested,

        /// <summary>The ScratchOrgInfo insert was sent; its answer had not arrived (Salesforce may have the record).</summary>
        Requesting,

        /// <summary>Salesforce has the ScratchOrgInfo record.</summary>
        Requested,

        /// <summary>The record's status was New or Creating.</summary>
        Creating,

        /// <summary>The record is Active: the org exists.</summary>
        Active,

        /// <summary>Logged in and stored (the settings deploy may still run).</summary>
        Connected,

        /// <summary>Done: stored and its settings deployed; written.</summary>
        Completed,

        /// <summary>Ended with an error (written); an org that exists was still stored when it could be.</summary>
        Failed,
    }
}
