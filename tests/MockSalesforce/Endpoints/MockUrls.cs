using MockSalesforce.Model;

namespace MockSalesforce.Endpoints;

/// <summary>URLs the mock puts into responses (all on its own host).</summary>
internal static class MockUrls
{
    public static string IdentityUrl(string baseUrl, MockUser user) => $"{baseUrl}/id/{user.Org.Id}/{user.Id}";

    /// <summary>Parses "v62.0" into 62 when it is a version the mock serves.</summary>
    public static bool TryParseVersion(string? segment, int latest, out int version)
    {
        version = 0;
        if (segment is null || segment.Length < 4 || segment[0] != 'v' || !segment.EndsWith(".0", StringComparison.Ordinal)) return false;
        return int.TryParse(segment.AsSpan(1, segment.Length - 3), out version) && version >= ApiVersions.Oldest && version <= latest;
    }
}
