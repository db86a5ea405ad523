using System.Globalization;
using MockSalesforce.Model;

namespace MockSalesforce.Query;

/// <summary>The records the mock can return per sObject, with every field it knows, in Salesforce's casing.</summary>
internal static class SObjectRecords
{
    public static readonly TimeSpan ScratchOrgDuration = TimeSpan.FromDays(7);

    /// <summary>The table a session sees for an sObject name (case-insensitive), or null when its org has no such object.</summary>
    public static SObjectTable? For(string sObject, Session session, MockState state)
    {
        var org = session.User.Org;
        var now = state.Clock.UtcNow;
        return sObject.ToLowerInvariant() switch
        {
            "organization" => WithFieldsOfFirst("Organization", new[] { Organization(org) }),
            "user" => WithFieldsOfFirst("User", state.Directory.Users.Where(u => u.Org == org).Select(User).ToArray()),
            "scratchorginfo" when org.Kind == OrgKind.DevHub => ScratchOrgRecords.ScratchOrgInfo(state.ScratchOrgs.OfHub(org), now),
            "activescratchorg" when org.Kind == OrgKind.DevHub => ScratchOrgRecords.ActiveScratchOrg(state.ScratchOrgs.OfHub(org), now),
            // The CLI asks production orgs (tooling API) whether a new org is one of their sandboxes; none here.
            "sandboxprocess" when !org.IsSandbox => new SObjectTable("SandboxProcess", Array.Empty<string>(), Array.Empty<IReadOnlyDictionary<string, object?>>()),
            _ => null,
        };
    }

    public static IReadOnlyDictionary<string, object?> Organization(MockOrg org) => new Dictionary<string, object?>
    {
        ["Id"] = org.Id,
        ["Name"] = org.Name,
        ["InstanceName"] = org.Kind switch { OrgKind.Sandbox => "CS42", OrgKind.Scratch => "CS112", _ => "NA224" },
        ["IsSandbox"] = org.IsSandbox,
        ["TrialExpirationDate"] = org.Kind == OrgKind.Scratch ? DateTime(org.Signup?.ExpiresAt ?? org.CreatedAt + ScratchOrgDuration) : null,
        ["NamespacePrefix"] = null,
        ["OrganizationType"] = org.Kind == OrgKind.Scratch ? EditionLabel(org.Signup?.Request.Edition) : "Enterprise Edition",
    };

    public static IReadOnlyDictionary<string, object?> User(MockUser user) => new Dictionary<string, object?>
    {
        ["Id"] = user.Id,
        ["Username"] = user.Username,
        ["Name"] = user.DisplayName,
        ["Email"] = user.Username,
        ["IsActive"] = user.Active,
    };

    /// <summary>The User behind a relationship field such as CreatedBy, or null.</summary>
    public static RelatedRecord? RelatedUser(MockUser? user) => user is null ? null : new RelatedRecord("User", user.Id, User(user));

    /// <summary>The fields a User relationship (CreatedBy, Owner) reaches.</summary>
    public static readonly IReadOnlyList<string> UserFields = new[] { "Id", "Username", "Name", "Email", "IsActive" };

    /// <summary>Salesforce's REST date-time format, e.g. 2024-01-31T10:00:00.000+0000.</summary>
    public static string DateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    /// <summary>Salesforce's REST date format, e.g. 2024-01-31.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SObjectTable WithFieldsOfFirst(string name, IReadOnlyList<IReadOnlyDictionary<string, object?>> records) =>
        new(name, records.Count > 0 ? records[0].Keys.ToArray() : Array.Empty<string>(), records);

    private static string EditionLabel(string? edition) => edition switch
    {
        "Enterprise" or "Partner Enterprise" => "Enterprise Edition",
        "Professional" or "Partner Professional" => "Professional Edition",
        "Group" or "Partner Group" => "Team Edition",
        _ => "Developer Edition",
    };
}
