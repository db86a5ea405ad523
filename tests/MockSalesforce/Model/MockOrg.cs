namespace MockSalesforce.Model;

/// <summary>An org the mock serves. All orgs live on the mock's one host.</summary>
public sealed class MockOrg
{
    internal MockOrg(string id, OrgKind kind, string name, string myDomainName, string instanceUrl,
        IReadOnlyList<string> siteUrls, MockOrg? devHub, DateTimeOffset createdAt)
    {
        Id = id;
        Kind = kind;
        Name = name;
        MyDomainName = myDomainName;
        InstanceUrl = instanceUrl;
        SiteUrls = siteUrls;
        DevHub = devHub;
        CreatedAt = createdAt;
        ScratchOrgInfoId = SalesforceId.New("2SR");
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

    /// <summary>True for sandboxes and scratch orgs.</summary>
    public bool IsSandbox => Kind is OrgKind.Sandbox or OrgKind.Scratch;

    /// <summary>The audience the documentation names for this kind of org.</summary>
    public string LoginAudience => IsSandbox ? Audiences.Sandbox : Audiences.Production;

    /// <inheritdoc />
    public override string ToString() => $"{Kind} org {Id} ({Name})";
}
