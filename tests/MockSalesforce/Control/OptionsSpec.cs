namespace MockSalesforce.Control;

/// <summary>
/// Server settings as JSON (setup.json's "options", POST /__mock/options); absent values stay as they are.
/// They apply to later requests; a signup or deploy keeps the times it started with.
/// </summary>
public sealed class OptionsSpec
{
    /// <summary>See <see cref="MockOptions.LatencyMs"/>.</summary>
    public int? LatencyMs { get; set; }

    /// <summary>See <see cref="MockOptions.ReplicationDelay"/>.</summary>
    public double? ReplicationDelaySeconds { get; set; }

    /// <summary>See <see cref="MockOptions.ScratchOrgProvisioningTime"/>.</summary>
    public double? ScratchOrgProvisioningSeconds { get; set; }

    /// <summary>See <see cref="MockOptions.DeployDuration"/>.</summary>
    public double? DeploySeconds { get; set; }

    /// <summary>See <see cref="MockOptions.ActiveScratchOrgLimit"/>.</summary>
    public int? ActiveScratchOrgs { get; set; }

    /// <summary>See <see cref="MockOptions.DailyScratchOrgLimit"/>.</summary>
    public int? DailyScratchOrgs { get; set; }

    /// <summary>See <see cref="MockOptions.RequireConnectedAppFields"/>.</summary>
    public bool? RequireConnectedAppFields { get; set; }

    /// <summary>Features to accept besides the known ones (<see cref="MockOptions.ScratchOrgFeatures"/>).</summary>
    public List<string>? ScratchOrgFeatures { get; set; }

    /// <summary>See <see cref="MockOptions.ScratchOrgUrlTemplate"/>.</summary>
    public string? ScratchOrgUrlTemplate { get; set; }

    /// <summary>Applies the values that are set.</summary>
    public void ApplyTo(MockOptions options)
    {
        if (LatencyMs is { } latency) options.LatencyMs = NotNegative(latency, "latencyMs");
        if (ReplicationDelaySeconds is { } replication) options.ReplicationDelay = Seconds(replication, "replicationDelaySeconds");
        if (ScratchOrgProvisioningSeconds is { } provisioning) options.ScratchOrgProvisioningTime = Seconds(provisioning, "scratchOrgProvisioningSeconds");
        if (DeploySeconds is { } deploy) options.DeployDuration = Seconds(deploy, "deploySeconds");
        if (ActiveScratchOrgs is { } active) options.ActiveScratchOrgLimit = NotNegative(active, "activeScratchOrgs");
        if (DailyScratchOrgs is { } daily) options.DailyScratchOrgLimit = NotNegative(daily, "dailyScratchOrgs");
        if (RequireConnectedAppFields is { } require) options.RequireConnectedAppFields = require;
        foreach (var feature in ScratchOrgFeatures ?? new List<string>()) options.ScratchOrgFeatures.Add(feature);
        if (ScratchOrgUrlTemplate is { } template) options.ScratchOrgUrlTemplate = template;
    }

    internal static TimeSpan Seconds(double value, string name) =>
        value >= 0 ? TimeSpan.FromSeconds(value) : throw new ArgumentException($"{name} cannot be negative.");

    internal static int NotNegative(int value, string name) =>
        value >= 0 ? value : throw new ArgumentException($"{name} cannot be negative.");
}
