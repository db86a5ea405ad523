using JwtAuth.Core.Errors;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>Checks shared by the hardening tests: what may never appear in text a user or log sees.</summary>
internal static class HardeningAssert
{
    /// <summary>
    /// Secrets to look for: the access token, raw assertions (and any compact JWT: they all start "eyJ"),
    /// the key's base64 body and its first 40 characters (what a partial leak would show).
    /// </summary>
    public static IReadOnlyList<string> SecretsOf(string? keyBody, params string?[] more)
    {
        var list = new List<string> { "eyJ" };
        if (!string.IsNullOrEmpty(keyBody))
        {
            list.Add(keyBody!);
            list.Add(keyBody!.Substring(0, 40));
        }

        list.AddRange(more.Where(s => !string.IsNullOrEmpty(s))!);
        return list;
    }

    public static void NoKeyMaterial(Exception error, string keyBody) => NoSecrets(error, SecretsOf(keyBody));

    /// <summary>The exception chain: every Message and ToString (stack traces and inner exceptions included).</summary>
    public static void NoSecrets(Exception error, IReadOnlyList<string> secrets)
    {
        for (var e = error; e != null; e = e.InnerException)
        {
            NoSecrets(e.ToString(), secrets, "exception " + e.GetType().Name);
            NoSecrets(e.Message, secrets, "message of " + e.GetType().Name);
            if (e is JwtAuthException j)
            {
                NoSecrets(j.Fix ?? string.Empty, secrets, "fix");
                NoSecrets(j.Target?.ToString() ?? string.Empty, secrets, "target");
            }
        }
    }

    public static void NoSecrets(string text, IReadOnlyList<string> secrets, string where)
    {
        foreach (var secret in secrets)
        {
            // Not Assert.DoesNotContain: its failure message would print the secret and the text.
            Assert.False(text.Contains(secret, StringComparison.Ordinal),
                $"{where} contains a secret (starting '{secret.Substring(0, Math.Min(3, secret.Length))}...', {secret.Length} chars)");
        }
    }
}
