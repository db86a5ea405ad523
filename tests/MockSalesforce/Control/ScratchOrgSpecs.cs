using MockSalesforce.Scratch;

namespace MockSalesforce.Control;

/// <summary>A plan for coming ScratchOrgInfo inserts (setup.json's "scratchOrgPlans", POST /__mock/scratch-org-plans).</summary>
public sealed class ScratchOrgPlanSpec
{
    /// <summary>See <see cref="ScratchOrgPlan.Username"/>.</summary>
    public string? Username { get; set; }

    /// <summary>How many inserts it applies to (default 1).</summary>
    public int Count { get; set; } = 1;

    /// <summary>True: every matching insert.</summary>
    public bool Forever { get; set; }

    /// <summary>See <see cref="ScratchOrgPlan.ProvisioningTime"/>.</summary>
    public double? ProvisioningSeconds { get; set; }

    /// <summary>See <see cref="ScratchOrgPlan.ReplicationDelay"/>.</summary>
    public double? ReplicationDelaySeconds { get; set; }

    /// <summary>See <see cref="ScratchOrgPlan.ErrorCode"/>.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>The plan this describes.</summary>
    public ScratchOrgPlan ToPlan() => new(Forever ? null : Count)
    {
        Username = Username,
        ErrorCode = ErrorCode,
        ProvisioningTime = ProvisioningSeconds is { } p ? OptionsSpec.Seconds(p, "provisioningSeconds") : null,
        ReplicationDelay = ReplicationDelaySeconds is { } r ? OptionsSpec.Seconds(r, "replicationDelaySeconds") : null,
    };
}

/// <summary>A change to one ScratchOrgInfo record (PATCH /__mock/scratch-orgs/{id}); times count from now.</summary>
public sealed class ScratchOrgPatch
{
    /// <summary>Seconds from now until the signup completes (0: now).</summary>
    public double? ReadyInSeconds { get; set; }

    /// <summary>Seconds from now until the org expires (negative: expired already).</summary>
    public double? ExpiresInSeconds { get; set; }

    /// <summary>The ErrorCode the signup ends with (only before it completed).</summary>
    public string? ErrorCode { get; set; }
}

/// <summary>A change to an org's scratch org limits (PATCH /__mock/orgs/{nameOrId}).</summary>
public sealed class OrgPatch
{
    /// <summary>See <see cref="Model.MockOrg.ActiveScratchOrgLimit"/>.</summary>
    public int? ActiveScratchOrgs { get; set; }

    /// <summary>See <see cref="Model.MockOrg.DailyScratchOrgLimit"/>.</summary>
    public int? DailyScratchOrgs { get; set; }
}

/// <summary>A component that fails in coming deploys (setup.json's "deployFailures", POST /__mock/deploy-failures).</summary>
public sealed class DeployFailureSpec
{
    /// <summary>See <see cref="Metadata.DeployFailure.FileName"/>.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The problem reported (default: a generic one naming the file).</summary>
    public string? Problem { get; set; }

    /// <summary>How many deploys it applies to; absent: every deploy.</summary>
    public int? Count { get; set; }

    /// <summary>The rule this describes.</summary>
    public Metadata.DeployFailure ToFailure() => new(FileName, Problem ?? $"{FileName}: the mock was told to fail this component", Count);
}
