using MockSalesforce.Model;

namespace MockSalesforce.Metadata;

/// <summary>
/// One metadata deployRequest: the zip it was sent (kept for tests), its options and its outcome, decided when it
/// arrived. Like scratch org signups, the status is read off the mock clock: Pending for the first fifth of
/// <see cref="MockOptions.DeployDuration"/>, InProgress until <see cref="CompletesAt"/>, then the final status.
/// </summary>
public sealed class DeployRecord
{
    private readonly byte[] _zip;
    private readonly MockClock _clock;

    internal DeployRecord(MockOrg org, MockUser createdBy, byte[] zip, string? zipFileName, DeployOptions options,
        DeployPackage package, DateTimeOffset createdAt, TimeSpan duration, MockClock clock)
    {
        Id = SalesforceId.New("0Af");
        Org = org;
        CreatedBy = createdBy;
        _zip = zip;
        ZipFileName = zipFileName;
        Options = options;
        Package = package;
        CreatedAt = createdAt;
        CompletesAt = createdAt + duration;
        _clock = clock;
        FinalStatus = !package.Usable ? DeployStatus.Failed
            : package.Failures.Count == 0 ? DeployStatus.Succeeded
            : options["rollbackOnError"] || package.DeployableCount == 0 ? DeployStatus.Failed
            : DeployStatus.SucceededPartial;
    }

    /// <summary>The deployRequest id (0Af...).</summary>
    public string Id { get; }

    /// <summary>The org deployed to.</summary>
    public MockOrg Org { get; }

    /// <summary>Whose token sent it.</summary>
    public MockUser CreatedBy { get; }

    /// <summary>A copy of the zip as received.</summary>
    public byte[] Zip => (byte[])_zip.Clone();

    /// <summary>The file name of the multipart 'file' part, if any.</summary>
    public string? ZipFileName { get; }

    /// <summary>The paths inside the zip (empty when it is not a zip).</summary>
    public IReadOnlyList<string> EntryNames => Package.EntryNames;

    /// <summary>The deployOptions sent.</summary>
    public DeployOptions Options { get; }

    /// <summary>When it arrived.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When it reaches its final status.</summary>
    public DateTimeOffset CompletesAt { get; }

    /// <summary>Succeeded, SucceededPartial or Failed: what it ends with.</summary>
    public DeployStatus FinalStatus { get; }

    /// <summary>Components that deploy (package.xml included).</summary>
    public IReadOnlyList<DeployMessage> ComponentSuccesses => Package.Successes;

    /// <summary>Components that fail.</summary>
    public IReadOnlyList<DeployMessage> ComponentFailures => Package.Failures;

    /// <summary>The status now.</summary>
    public DeployStatus Status => StatusAt(_clock.UtcNow);

    internal DeployPackage Package { get; }

    internal DeployStatus StatusAt(DateTimeOffset now)
    {
        if (now >= CompletesAt) return FinalStatus;
        return now - CreatedAt < (CompletesAt - CreatedAt) / 5 ? DeployStatus.Pending : DeployStatus.InProgress;
    }

    /// <inheritdoc />
    public override string ToString() => $"deployRequest {Id} to {Org.Id} ({Status}, {EntryNames.Count} files)";
}
