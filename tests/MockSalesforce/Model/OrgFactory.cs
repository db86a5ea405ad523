namespace MockSalesforce.Model;

/// <summary>Creates and registers orgs with the mock's defaults (ids, My Domain names, the instance URL).</summary>
internal sealed class OrgFactory
{
    private readonly MockState _state;
    private int _counter;

    public OrgFactory(MockState state) => _state = state;

    public MockOrg Create(OrgKind kind, string? name = null, string? myDomainName = null, string? instanceUrl = null,
        IEnumerable<string>? siteUrls = null, MockOrg? devHub = null, string? orgId = null, string? scratchOrgInfoId = null)
    {
        int number = Interlocked.Increment(ref _counter);
        string domain = myDomainName ?? $"mock-{kind.ToString().ToLowerInvariant()}-{number}";
        var org = new MockOrg(orgId ?? SalesforceId.New("00D"), kind, name ?? $"Mock {kind} {number}", domain,
            (instanceUrl ?? _state.BaseUrl).TrimEnd('/'), (siteUrls ?? Array.Empty<string>()).ToArray(), devHub,
            _state.Clock.UtcNow, scratchOrgInfoId ?? SalesforceId.New("2SR"));
        return _state.Directory.Add(org);
    }

    /// <summary>A My Domain name shaped like a scratch org's (numbered so each org has its own).</summary>
    public string NextScratchDomainName() => $"mock-scratch-{Interlocked.Increment(ref _counter)}-dev-ed";
}
