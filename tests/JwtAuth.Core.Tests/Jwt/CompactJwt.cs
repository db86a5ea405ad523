using System.Text;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.Jwt;

/// <summary>Splits and decodes a compact JWT by hand (base64url + Newtonsoft), independent of System.IdentityModel.</summary>
internal sealed class CompactJwt
{
    private CompactJwt(string[] parts)
    {
        Header = JObject.Parse(Encoding.UTF8.GetString(Base64UrlDecode(parts[0])));
        Claims = JObject.Parse(Encoding.UTF8.GetString(Base64UrlDecode(parts[1])));
        SigningInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        Signature = Base64UrlDecode(parts[2]);
    }

    public JObject Header { get; }
    public JObject Claims { get; }
    public byte[] SigningInput { get; }
    public byte[] Signature { get; }

    public static CompactJwt Parse(string compact)
    {
        var parts = compact.Split('.');
        Assert.Equal(3, parts.Length);
        foreach (var part in parts)
        {
            Assert.DoesNotContain('=', part);
            Assert.DoesNotContain('+', part);
            Assert.DoesNotContain('/', part);
        }

        return new CompactJwt(parts);
    }

    public static byte[] Base64UrlDecode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("bad base64url length") };
        return Convert.FromBase64String(s);
    }
}
