namespace JwtAuth.Core.Tests.Login;

internal static class SecretAssert
{
    /// <summary>No JWT (every compact JWT starts with "eyJ") and none of the given tokens appear in the exception text.</summary>
    public static void NoSecrets(Exception ex, params string?[] secrets)
    {
        for (Exception? e = ex; e != null; e = e.InnerException)
        {
            NoSecrets(e.ToString(), secrets);
            NoSecrets(e.Message, secrets);
        }
    }

    public static void NoSecrets(string text, params string?[] secrets)
    {
        Assert.DoesNotContain("eyJ", text);
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            Assert.DoesNotContain(secret!, text);
        }
    }
}
