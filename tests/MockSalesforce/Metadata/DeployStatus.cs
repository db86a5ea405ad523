namespace MockSalesforce.Metadata;

/// <summary>DeployResult.status values the mock produces.</summary>
public enum DeployStatus
{
    /// <summary>Queued.</summary>
    Pending,

    /// <summary>Running.</summary>
    InProgress,

    /// <summary>Every component deployed.</summary>
    Succeeded,

    /// <summary>Some components failed and rollbackOnError was false: the others were deployed.</summary>
    SucceededPartial,

    /// <summary>Nothing deployed (a component failed with rollbackOnError, or the zip or package.xml is unusable).</summary>
    Failed,
}
