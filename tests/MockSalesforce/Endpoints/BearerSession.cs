using MockSalesforce.Model;

namespace MockSalesforce.Endpoints;

/// <summary>Finds the live session named by "Authorization: Bearer" (or Salesforce's older "OAuth") header.</summary>
internal static class BearerSession
{
    public static Session? Find(HttpContext context, SessionStore sessions)
    {
        string? header = context.Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return null;
        foreach (var scheme in new[] { "Bearer ", "OAuth " })
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                return sessions.FindLive(header[scheme.Length..].Trim());
        }
        return null;
    }
}
