using MockSalesforce.Scratch;

namespace MockSalesforce.Model;

/// <summary>An org the mock serves. All orgs live on the mock's one host.</summary>
public sealed class MockOrg
{
    private const int NoLimit = -1;
    private int _activeScratchOrgLimit = NoLimit;
    private int _dailyScratchOrgLimit = NoLimit;

    internal MockOrg(string id, OrgKind kind, string name, string myDomainName, string instanceUrl,
        IReadOnlyList<string> siteUrls, MockOrg? devHub, DateTimeOffset createdAt, string scratchOrgInfoId)
    {
        Id = id;
        Kind = kind;
        Name = name;
        MyDomainName = myDomainName;
        InstanceUrl = instanceUrl;
        SiteUrls = siteUrls;
        DevHub = devHub;
        CreatedAt = createdAt;
        ScratchOrgInfoId = scratchOrgInfoId;
    }

    /// <summary>The 18-character org id (00D...).</summary>
    public string Id { get; }

    /// <summary>Production, DevHub, Sandbox or Scratch.</summary>
    public OrgKind Kind { get; }

    /// <summary>The organization name returned by the Organization query.</summary>
    public string Name { get; }

    /// <summary>The My Domain name (informational: every org is served from the mock's host).</summary>
    public string MyDomainName { get; }

    /// <summary>The instance URL returned in token responses: the mock's base URL unless set otherwise.</summary>
    public string InstanceUrl { get; }

    /// <summary>Experience Cloud site URLs accepted as an assertion audience, besides the login host.</summary>
    public IReadOnlyList<string> SiteUrls { get; }

    /// <summary>For a scratch org, the Dev Hub that created it (listed in the hub's ScratchOrgInfo).</summary>
    public MockOrg? DevHub { get; }

    /// <summary>When the org was added.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The id of this org's ScratchOrgInfo record in its Dev Hub.</summary>
    public string ScratchOrgInfoId { get; }

    /// <summary>For a scratch org with a Dev Hub: its ScratchOrgInfo record (status, expiry, deletion).</summary>
    public ScratchOrgSignup? Signup { get; internal set; }

    /// <summary>True for sandboxes and scratch orgs.</summary>
    public bool IsSandbox => Kind is OrgKind.Sandbox or OrgKind.Scratch;

    /// <summary>The audience the documentation names for this kind of org.</summary>
    public string LoginAudience => IsSandbox ? Audiences.Sandbox : Audiences.Production;

    /// <summary>
    /// A Dev Hub's ActiveScratchOrgs maximum; null uses <see cref="MockOptions.ActiveScratchOrgLimit"/>.
    /// </summary>
    public int? ActiveScratchOrgLimit
    {
        get => FromStored(Volatile.Read(ref _activeScratchOrgLimit));
        set => Volatile.Write(ref _activeScratchOrgLimit, ToStored(value));
    }

    /// <summary>
    /// A Dev Hub's DailyScratchOrgs maximum (a rolling 24 hours); null uses <see cref="MockOptions.DailyScratchOrgLimit"/>.
    /// </summary>
    public int? DailyScratchOrgLimit
    {
        get => FromStored(Volatile.Read(ref _dailyScratchOrgLimit));
        set => Volatile.Write(ref _dailyScratchOrgLimit, ToStored(value));
    }

    /// <summary>False once a scratch org is deleted or expired, or before its signup completed: its users cannot log in.</summary>
    public bool IsLiveAt(DateTimeOffset now) => Signup?.StatusAt(now) is null or ScratchOrgStatus.Active;

    /// <inheritdoc />
    public override string ToString() => $"{Kind} org {Id} ({Name})";

    private static int? FromStored(int stored) => stored == NoLimit ? null : stored;

    private static int ToStored(int? value) => value switch
    {
        null => NoLimit,
        < 0 => throw new ArgumentOutOfRangeException(nameof(value), "A limit cannot be negative."),
        _ => value.Value,
    };
}
