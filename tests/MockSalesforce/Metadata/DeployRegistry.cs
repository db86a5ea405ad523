using System.Collections.Concurrent;
using MockSalesforce.Common;

namespace MockSalesforce.Metadata;

/// <summary>Every deployRequest received (thread-safe) and the components configured to fail.</summary>
public sealed class DeployRegistry
{
    private readonly ConcurrentDictionary<string, DeployRecord> _deploys = new(StringComparer.Ordinal);
    private readonly CountedRules<DeployFailure> _failures = new();
    private readonly MockClock _clock;
    private readonly MockOptions _options;

    internal DeployRegistry(MockClock clock, MockOptions options)
    {
        _clock = clock;
        _options = options;
    }

    /// <summary>All deploys, oldest first.</summary>
    public IReadOnlyList<DeployRecord> All => _deploys.Values.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToArray();

    /// <summary>The deploy with this 18- or 15-character id, or null.</summary>
    public DeployRecord? Find(string? id) =>
        id is not null && _deploys.TryGetValue(id, out var deploy) ? deploy : _deploys.Values.FirstOrDefault(d => Model.SalesforceId.Names(d.Id, id));

    /// <summary>Makes a component fail in coming deploys; returns the rule.</summary>
    public DeployFailure Fail(DeployFailure failure) => _failures.Add(failure);

    /// <summary>Failure rules that still apply.</summary>
    public IReadOnlyList<DeployFailure> PendingFailures => _failures.Pending;

    /// <summary>Forgets every failure rule.</summary>
    public void ClearFailures() => _failures.Clear();

    internal DeployRecord Add(Model.MockOrg org, Model.MockUser user, byte[] zip, string? zipFileName, DeployOptions options)
    {
        var package = DeployPackage.Inspect(zip, options["allowMissingFiles"], TakeFailure);
        var record = new DeployRecord(org, user, zip, zipFileName, options, package, _clock.UtcNow, _options.DeployDuration, _clock);
        _deploys[record.Id] = record;
        return record;
    }

    internal void Clear()
    {
        _deploys.Clear();
        ClearFailures();
    }

    private DeployFailure? TakeFailure(string zipPath, string packagePath) => _failures.Take(f => f.Matches(zipPath, packagePath));
}
