using System.Text;
using System.Text.Json;

namespace MockSalesforce.Jwt;

/// <summary>A compact JWS split by hand: decoded header and claims, the signed bytes and the signature.</summary>
public sealed class ParsedAssertion
{
    private ParsedAssertion(JsonElement header, JsonElement claims, byte[] signingInput, byte[] signature)
    {
        Header = header;
        Claims = claims;
        SigningInput = signingInput;
        Signature = signature;
    }

    /// <summary>The decoded JOSE header (a JSON object).</summary>
    public JsonElement Header { get; }

    /// <summary>The decoded claims set (a JSON object).</summary>
    public JsonElement Claims { get; }

    /// <summary>ASCII bytes of "header.payload", what the signature covers.</summary>
    public byte[] SigningInput { get; }

    /// <summary>The raw signature bytes.</summary>
    public byte[] Signature { get; }

    /// <summary>Splits and decodes a compact JWS; returns null when it is malformed.</summary>
    public static ParsedAssertion? TryParse(string? compact)
    {
        if (string.IsNullOrEmpty(compact)) return null;
        string[] parts = compact.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || parts[2].Length == 0) return null;
        byte[]? headerBytes = Base64Url.TryDecode(parts[0]);
        byte[]? claimBytes = Base64Url.TryDecode(parts[1]);
        byte[]? signature = Base64Url.TryDecode(parts[2]);
        if (headerBytes is null || claimBytes is null || signature is null) return null;
        JsonElement? header = TryParseObject(headerBytes);
        JsonElement? claims = TryParseObject(claimBytes);
        if (header is null || claims is null) return null;
        byte[] signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        return new ParsedAssertion(header.Value, claims.Value, signingInput, signature);
    }

    /// <summary>A string header parameter, or null.</summary>
    public string? HeaderString(string name) =>
        Header.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A string claim, or null when absent or not a string.</summary>
    public string? ClaimString(string name) =>
        Claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A numeric claim (NumericDate), or null when absent or not a number.</summary>
    public double? ClaimNumber(string name) =>
        Claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static JsonElement? TryParseObject(byte[] utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
