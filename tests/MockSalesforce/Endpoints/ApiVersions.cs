namespace MockSalesforce.Endpoints;

/// <summary>The API versions listed by GET /services/data, with Salesforce's release labels.</summary>
internal static class ApiVersions
{
    public const int Oldest = 31;

    public static IEnumerable<object> List(int latest)
    {
        for (int version = Oldest; version <= latest; version++)
        {
            yield return new { label = Label(version), url = $"/services/data/v{version}.0", version = $"{version}.0" };
        }
    }

    /// <summary>Three releases a year: v62 is Winter '25, v61 Summer '24, v60 Spring '24, and so on.</summary>
    public static string Label(int version)
    {
        // Winter '25 = 62 = 3 * 20 + 2; Winter releases are versions with remainder 2 when divided by 3.
        int cycle = (version - 2) / 3;         // 62 -> 20
        int position = (version - 2) % 3;      // 0 Winter, 1 Spring, 2 Summer
        int winterYear = cycle + 5;            // 20 -> '25
        return position switch
        {
            0 => $"Winter '{winterYear:00}",
            1 => $"Spring '{winterYear:00}",
            _ => $"Summer '{winterYear:00}",
        };
    }

    /// <summary>Parses "v62.0" into 62 when it is a version the mock serves.</summary>
    public static bool TryParse(string? segment, int latest, out int version)
    {
        version = 0;
        if (segment is null || segment.Length < 4 || segment[0] != 'v' || !segment.EndsWith(".0", StringComparison.Ordinal)) return false;
        return int.TryParse(segment.AsSpan(1, segment.Length - 3), out version) && version >= Oldest && version <= latest;
    }
}
