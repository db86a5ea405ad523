using MockSalesforce.Query;

namespace MockSalesforce.Endpoints;

/// <summary>The REST resources around queries: version list, version resources, limits, the Organization sObject.</summary>
internal static class DataEndpoints
{
    public static async Task VersionsAsync(HttpContext context, MockState state)
    {
        if (state.Options.VersionsRequireAuth && BearerSession.Find(context, state.Sessions) is null)
        {
            await SalesforceJson.InvalidSessionAsync(context);
            return;
        }
        await SalesforceJson.WriteAsync(context, 200, ApiVersions.List(state.Options.LatestApiVersion).ToArray());
    }

    public static async Task ResourcesAsync(HttpContext context, MockState state, string version)
    {
        if (await RejectAsync(context, state, version)) return;
        string root = $"/services/data/{version}";
        await SalesforceJson.WriteAsync(context, 200, new Dictionary<string, string>
        {
            ["tooling"] = root + "/tooling",
            ["metadata"] = root + "/metadata",
            ["query"] = root + "/query",
            ["sobjects"] = root + "/sobjects",
            ["limits"] = root + "/limits",
            ["search"] = root + "/search",
        });
    }

    public static async Task LimitsAsync(HttpContext context, MockState state, string version)
    {
        if (await RejectAsync(context, state, version)) return;
        await SalesforceJson.WriteAsync(context, 200, new Dictionary<string, object>
        {
            ["DailyApiRequests"] = new { Max = 15000, Remaining = 14990 },
            ["DataStorageMB"] = new { Max = 200, Remaining = 200 },
            ["FileStorageMB"] = new { Max = 20, Remaining = 20 },
            ["ActiveScratchOrgs"] = new { Max = 3, Remaining = 3 },
            ["DailyScratchOrgs"] = new { Max = 6, Remaining = 6 },
        });
    }

    /// <summary>GET /services/data/vNN.0/sobjects/{type}/{id} for the sObjects the mock knows (Organization, User, ScratchOrgInfo).</summary>
    public static async Task SObjectAsync(HttpContext context, MockState state, string version, string type, string id)
    {
        if (await RejectAsync(context, state, version)) return;
        var session = BearerSession.Find(context, state.Sessions)!;
        var records = SObjectRecords.For(type, session, state.Directory);
        if (records is null)
        {
            await SalesforceJson.NotFoundAsync(context);
            return;
        }
        var found = id.Length is 15 or 18
            ? records.FirstOrDefault(r => r["Id"] is string recordId && recordId.StartsWith(id, StringComparison.Ordinal))
            : null;
        if (found is null)
        {
            await SalesforceJson.NotFoundAsync(context);
            return;
        }
        string canonicalType = SObjectRecords.CanonicalName(type);
        var record = new Dictionary<string, object?>
        {
            ["attributes"] = new { type = canonicalType, url = $"/services/data/{version}/sobjects/{canonicalType}/{found["Id"]}" },
        };
        foreach (var pair in found) record[pair.Key] = pair.Value;
        await SalesforceJson.WriteAsync(context, 200, record);
    }

    /// <summary>Answers 401 without a live session and 404 for a version the mock does not serve.</summary>
    private static async Task<bool> RejectAsync(HttpContext context, MockState state, string version)
    {
        if (BearerSession.Find(context, state.Sessions) is null)
        {
            await SalesforceJson.InvalidSessionAsync(context);
            return true;
        }
        if (!ApiVersions.TryParse(version, state.Options.LatestApiVersion, out _))
        {
            await SalesforceJson.NotFoundAsync(context);
            return true;
        }
        return false;
    }
}
