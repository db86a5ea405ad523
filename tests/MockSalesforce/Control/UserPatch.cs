namespace MockSalesforce.Control;

/// <summary>A change to an existing user (PATCH /__mock/users/{username}).</summary>
public sealed class UserPatch
{
    /// <summary>New active flag.</summary>
    public bool? Active { get; set; }

    /// <summary>Replaces the pre-authorized consumer keys.</summary>
    public List<string>? PreAuthorizedFor { get; set; }

    /// <summary>Seconds from now until the user has replicated (0 = replicated now).</summary>
    public double? ReplicatesAfterSeconds { get; set; }
}
