namespace MockSalesforce.Jwt;

/// <summary>Base64url (RFC 4648 section 5, no padding) as JWTs use it.</summary>
public static class Base64Url
{
    /// <summary>Encodes bytes without padding.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes text; returns null when it is not base64url.</summary>
    public static byte[]? TryDecode(string text)
    {
        if (text.Contains('+') || text.Contains('/') || text.Contains('=')) return null;
        string base64 = text.Replace('-', '+').Replace('_', '/');
        switch (base64.Length % 4)
        {
            case 2: base64 += "=="; break;
            case 3: base64 += "="; break;
            case 1: return null;
        }
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
