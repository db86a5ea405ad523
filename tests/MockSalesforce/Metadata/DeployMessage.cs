namespace MockSalesforce.Metadata;

/// <summary>One entry of details.componentSuccesses or details.componentFailures (Metadata API DeployMessage).</summary>
public sealed record DeployMessage(string ComponentType, string FullName, string FileName, bool Success, string? Problem = null)
{
    /// <summary>"Error" for a failure, null for a success.</summary>
    public string? ProblemType => Success ? null : "Error";
}
