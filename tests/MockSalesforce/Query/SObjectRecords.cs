using System.Globalization;
using MockSalesforce.Model;

namespace MockSalesforce.Query;

/// <summary>The records the mock can return per sObject, with every field it knows, in Salesforce's casing.</summary>
internal static class SObjectRecords
{
    public static readonly TimeSpan ScratchOrgDuration = TimeSpan.FromDays(7);

    public static IReadOnlyList<IReadOnlyDictionary<string, object?>>? For(string sObject, Session session, MockDirectory directory)
    {
        var org = session.User.Org;
        return sObject.ToLowerInvariant() switch
        {
            "organization" => new[] { Organization(org) },
            "scratchorginfo" when org.Kind == OrgKind.DevHub =>
                directory.Orgs.Where(o => o.DevHub == org).OrderBy(o => o.CreatedAt).Select(o => ScratchOrgInfo(o, directory)).ToArray(),
            "user" => directory.Users.Where(u => u.Org == org).Select(User).ToArray(),
            // The CLI asks production orgs (tooling API) whether a new org is one of their sandboxes; none here.
            "sandboxprocess" when !org.IsSandbox => Array.Empty<IReadOnlyDictionary<string, object?>>(),
            _ => null,
        };
    }

    /// <summary>Salesforce's spelling of an sObject name the mock knows, or the name as given.</summary>
    public static string CanonicalName(string sObject) => sObject.ToLowerInvariant() switch
    {
        "organization" => "Organization",
        "scratchorginfo" => "ScratchOrgInfo",
        "user" => "User",
        "sandboxprocess" => "SandboxProcess",
        _ => sObject,
    };

    public static IReadOnlyDictionary<string, object?> Organization(MockOrg org) => new Dictionary<string, object?>
    {
        ["Id"] = org.Id,
        ["Name"] = org.Name,
        ["InstanceName"] = org.Kind switch { OrgKind.Sandbox => "CS42", OrgKind.Scratch => "CS112", _ => "NA224" },
        ["IsSandbox"] = org.IsSandbox,
        ["TrialExpirationDate"] = org.Kind == OrgKind.Scratch ? DateTime(org.CreatedAt + ScratchOrgDuration) : null,
        ["NamespacePrefix"] = null,
        ["OrganizationType"] = org.Kind == OrgKind.Scratch ? "Developer Edition" : "Enterprise Edition",
    };

    private static IReadOnlyDictionary<string, object?> ScratchOrgInfo(MockOrg scratch, MockDirectory directory) => new Dictionary<string, object?>
    {
        ["Id"] = scratch.ScratchOrgInfoId,
        ["OrgName"] = scratch.Name,
        ["ScratchOrg"] = scratch.Id[..15],
        ["SignupUsername"] = directory.Users.Where(u => u.Org == scratch).Select(u => u.Username).FirstOrDefault(),
        ["LoginUrl"] = scratch.InstanceUrl,
        ["Status"] = "Active",
        ["ExpirationDate"] = (scratch.CreatedAt + ScratchOrgDuration).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["CreatedDate"] = DateTime(scratch.CreatedAt),
    };

    private static IReadOnlyDictionary<string, object?> User(MockUser user) => new Dictionary<string, object?>
    {
        ["Id"] = user.Id,
        ["Username"] = user.Username,
        ["Name"] = user.DisplayName,
        ["Email"] = user.Username,
        ["IsActive"] = user.Active,
    };

    /// <summary>Salesforce's REST date-time format, e.g. 2024-01-31T10:00:00.000+0000.</summary>
    public static string DateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
