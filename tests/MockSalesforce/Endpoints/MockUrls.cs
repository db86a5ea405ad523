using MockSalesforce.Model;

namespace MockSalesforce.Endpoints;

/// <summary>URLs the mock puts into responses (all on its own host).</summary>
internal static class MockUrls
{
    public static string IdentityUrl(string baseUrl, MockUser user) => $"{baseUrl}/id/{user.Org.Id}/{user.Id}";
}
