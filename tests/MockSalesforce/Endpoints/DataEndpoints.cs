namespace MockSalesforce.Endpoints;

/// <summary>The REST resources around queries: the version list and a version's resources.</summary>
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
        if (await RestRequest.AuthorizeAsync(context, state, version) is null) return;
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
}
