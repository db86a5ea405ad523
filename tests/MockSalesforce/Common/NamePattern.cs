namespace MockSalesforce.Common;

/// <summary>The mock's one pattern syntax: a case-insensitive exact name, or a prefix when it ends with '*'.</summary>
internal static class NamePattern
{
    public static bool Matches(string pattern, string value) => pattern.EndsWith('*')
        ? value.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
        : value.Equals(pattern, StringComparison.OrdinalIgnoreCase);
}
