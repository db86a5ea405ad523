using System.Text.Json;
using MockSalesforce.Jwt;

namespace MockSalesforce.Logging;

/// <summary>The decoded header and claims of an assertion a client sent (never its signature or raw text).</summary>
public sealed class RecordedAssertion
{
    private RecordedAssertion(IReadOnlyDictionary<string, JsonElement> header, IReadOnlyDictionary<string, JsonElement> claims)
    {
        Header = header;
        Claims = claims;
    }

    /// <summary>JOSE header parameters (alg, typ, ...).</summary>
    public IReadOnlyDictionary<string, JsonElement> Header { get; }

    /// <summary>Claims (iss, sub, aud, exp, iat, ...).</summary>
    public IReadOnlyDictionary<string, JsonElement> Claims { get; }

    /// <summary>A string claim, or null.</summary>
    public string? ClaimString(string name) =>
        Claims.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A numeric claim, or null.</summary>
    public double? ClaimNumber(string name) =>
        Claims.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    /// <summary>True when <c>exp</c> is too large to be seconds (the Salesforce CLI sends milliseconds).</summary>
    public bool ExpLooksLikeMilliseconds => ClaimNumber("exp") is > 100_000_000_000d;

    internal static RecordedAssertion? From(string? compact)
    {
        var parsed = ParsedAssertion.TryParse(compact);
        if (parsed is null) return null;
        return new RecordedAssertion(ToDictionary(parsed.Header), ToDictionary(parsed.Claims));
    }

    private static IReadOnlyDictionary<string, JsonElement> ToDictionary(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
}
