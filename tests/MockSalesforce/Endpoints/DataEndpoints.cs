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

    public static async Task OrganizationAsync(HttpContext context, MockState state, string version, string id)
    {
        if (await RejectAsync(context, state, version)) return;
        var org = BearerSession.Find(context, state.Sessions)!.User.Org;
        if (!org.Id.StartsWith(id, StringComparison.Ordinal) || id.Length < 15)
        {
            await SalesforceJson.NotFoundAsync(context);
            return;
        }
        var record = new Dictionary<string, object?>
        {
            ["attributes"] = new { type = "Organization", url = $"/services/data/{version}/sobjects/Organization/{org.Id}" },
        };
        foreach (var pair in SObjectRecords.Organization(org)) record[pair.Key] = pair.Value;
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
        if (!MockUrls.TryParseVersion(version, state.Options.LatestApiVersion, out _))
        {
            await SalesforceJson.NotFoundAsync(context);
            return true;
        }
        return false;
    }
}
