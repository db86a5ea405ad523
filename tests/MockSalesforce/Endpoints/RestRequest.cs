using MockSalesforce.Model;

namespace MockSalesforce.Endpoints;

/// <summary>The checks every versioned REST resource makes first: a live session, then a version the mock serves.</summary>
internal static class RestRequest
{
    /// <summary>The caller's session, or null after answering 401 (no session) or 404 (unknown version).</summary>
    public static async Task<Session?> AuthorizeAsync(HttpContext context, MockState state, string version)
    {
        var session = BearerSession.Find(context, state.Sessions);
        if (session is null)
        {
            await SalesforceJson.InvalidSessionAsync(context);
            return null;
        }
        if (!ApiVersions.TryParse(version, state.Options.LatestApiVersion, out _))
        {
            await SalesforceJson.NotFoundAsync(context);
            return null;
        }
        return session;
    }
}
