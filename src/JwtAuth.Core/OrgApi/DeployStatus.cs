namespace JwtAuth.Core.OrgApi
{
    /// <summary>A Metadata deploy's <c>deployResult.status</c>.</summary>
    public enum DeployStatus
    {
        /// <summary>A status this module does not know (or none was given).</summary>
        Unknown,
        Pending,
        InProgress,
        Succeeded,
        SucceededPartial,
        Failed,
        Canceling,
        Canceled,
    }
}
