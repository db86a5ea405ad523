using MockSalesforce.Common;

namespace MockSalesforce.Scratch;

/// <summary>
/// How coming ScratchOrgInfo inserts turn out, instead of the server's defaults: another provisioning time or
/// replication delay, or an Error with an ErrorCode. Plans apply in the order added to the first matching inserts,
/// like faults; a used-up plan disappears.
/// </summary>
public sealed class ScratchOrgPlan : ICountedRule
{
    private readonly UseCount _uses;

    /// <summary>A plan for <paramref name="count"/> inserts (null: every matching insert).</summary>
    public ScratchOrgPlan(int? count = 1) => _uses = new UseCount(count, "plan");

    /// <summary>Only inserts whose Username is this (case-insensitive); null: any insert.</summary>
    public string? Username { get; init; }

    /// <summary>Time from insert to Active or Error; null keeps <see cref="MockOptions.ScratchOrgProvisioningTime"/>.</summary>
    public TimeSpan? ProvisioningTime { get; init; }

    /// <summary>How long after Active the admin cannot log in yet; null keeps <see cref="MockOptions.ReplicationDelay"/>.</summary>
    public TimeSpan? ReplicationDelay { get; init; }

    /// <summary>The signup ends in Error with this ErrorCode (e.g. C-1016, C-9999); null: it succeeds.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>True when the plan never runs out.</summary>
    public bool Forever => _uses.Forever;

    /// <summary>How many more inserts it applies to (ignored when <see cref="Forever"/>).</summary>
    public int Remaining => _uses.Remaining;

    bool ICountedRule.Pending => _uses.Pending;

    internal bool Matches(string? username) =>
        Username is null || string.Equals(Username, username, StringComparison.OrdinalIgnoreCase);

    bool ICountedRule.TryConsume() => _uses.TryConsume();

    /// <inheritdoc />
    public override string ToString() =>
        $"ScratchOrgPlan {(Username ?? "any insert")}: {(ErrorCode is null ? "Active" : "Error " + ErrorCode)}" +
        (ProvisioningTime is { } p ? $" after {p.TotalSeconds:0.###} s" : "") + (Forever ? ", always" : $", {Remaining} left");
}
