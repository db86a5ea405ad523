namespace MockSalesforce.Endpoints;

/// <summary>GET /services/data/vNN.0/limits: {"Name":{"Max":n,"Remaining":n}} in name order, scratch org limits on Dev Hubs.</summary>
internal static class LimitsEndpoint
{
    public static async Task HandleAsync(HttpContext context, MockState state, string version)
    {
        var session = await RestRequest.AuthorizeAsync(context, state, version);
        if (session is null) return;
        var limits = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["DailyApiRequests"] = Limit(15000, 14990),
            ["DailyAsyncApexExecutions"] = Limit(250000, 250000),
            ["DailyBulkApiBatches"] = Limit(15000, 15000),
            ["DataStorageMB"] = Limit(200, 200),
            ["FileStorageMB"] = Limit(20, 20),
            ["MassEmail"] = Limit(5000, 5000),
            ["SingleEmail"] = Limit(5000, 5000),
        };
        if (session.User.Org.Kind == Model.OrgKind.DevHub)
        {
            var usage = state.ScratchOrgs.UsageOf(session.User.Org);
            limits["ActiveScratchOrgs"] = Limit(usage.ActiveMax, usage.ActiveRemaining);
            limits["DailyScratchOrgs"] = Limit(usage.DailyMax, usage.DailyRemaining);
        }
        await SalesforceJson.WriteAsync(context, 200, limits);
    }

    private static object Limit(int max, int remaining) => new { Max = max, Remaining = remaining };
}
