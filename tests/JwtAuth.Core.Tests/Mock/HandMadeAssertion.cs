using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MockSalesforce.Jwt;

namespace JwtAuth.Core.Tests.Mock;

/// <summary>Builds JWT bearer assertions by hand (Base64Url + RSA.SignData), independent of any JWT library.</summary>
internal static class HandMadeAssertion
{
    public static string Sign(RSA key, object claims, object? header = null)
    {
        string headerPart = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(header ?? new { alg = "RS256", typ = "JWT" }));
        string claimsPart = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        byte[] signature;
        lock (key) // scenarios share one key across parallel test classes
        {
            signature = key.SignData(Encoding.ASCII.GetBytes(headerPart + "." + claimsPart), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        return headerPart + "." + claimsPart + "." + Base64Url.Encode(signature);
    }

    /// <summary>The claims our client sends: exp in seconds, about 3 minutes ahead.</summary>
    public static object Claims(string consumerKey, string username, string audience, DateTimeOffset? expires = null) => new
    {
        iss = consumerKey,
        sub = username,
        aud = audience,
        exp = (expires ?? DateTimeOffset.UtcNow.AddMinutes(3)).ToUnixTimeSeconds(),
    };
}
