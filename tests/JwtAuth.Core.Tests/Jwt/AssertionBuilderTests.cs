using System.Security.Cryptography;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Jwt;
using JwtAuth.Core.Keys;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.Jwt;

public class AssertionBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Header_is_exactly_RS256_and_JWT_without_key_hints()
    {
        using var key = RSA.Create(2048);
        var jwt = CompactJwt.Parse(new AssertionBuilder(new FixedClock(Now)).Build(key, "3MVGclient", "me@example.com", AudienceResolver.Production));

        Assert.Equal(new[] { "alg", "typ" }, jwt.Header.Properties().Select(p => p.Name).OrderBy(n => n));
        Assert.Equal("RS256", (string?)jwt.Header["alg"]);
        Assert.Equal("JWT", (string?)jwt.Header["typ"]);
    }

    [Fact]
    public void Claims_are_iss_sub_aud_string_and_exp_in_seconds_three_minutes_ahead()
    {
        using var key = RSA.Create(2048);
        var jwt = CompactJwt.Parse(new AssertionBuilder(new FixedClock(Now)).Build(key, "3MVGclient", "me@example.com", AudienceResolver.Sandbox));

        Assert.Equal(new[] { "aud", "exp", "iss", "sub" }, jwt.Claims.Properties().Select(p => p.Name).OrderBy(n => n));
        Assert.Equal("3MVGclient", (string?)jwt.Claims["iss"]);
        Assert.Equal("me@example.com", (string?)jwt.Claims["sub"]);
        Assert.Equal(JTokenType.String, jwt.Claims["aud"]!.Type);
        Assert.Equal("https://test.salesforce.com", (string?)jwt.Claims["aud"]);
        Assert.Equal(JTokenType.Integer, jwt.Claims["exp"]!.Type);
        Assert.Equal(Now.AddMinutes(3).ToUnixTimeSeconds(), (long)jwt.Claims["exp"]!);
    }

    [Fact]
    public void Exp_follows_the_real_clock_in_seconds_when_no_clock_is_injected()
    {
        using var key = RSA.Create(2048);
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var exp = (long)CompactJwt.Parse(new AssertionBuilder().Build(key, "c", "u@example.com", AudienceResolver.Production)).Claims["exp"]!;
        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        // Seconds, not milliseconds (the Salesforce CLI's bug): within 3 minutes of the signing moment.
        Assert.InRange(exp, before + 180, after + 180);
    }

    [Fact]
    public void Signature_verifies_with_plain_RSA_over_header_dot_claims()
    {
        using var key = RSA.Create(2048);
        var jwt = CompactJwt.Parse(new AssertionBuilder(new FixedClock(Now)).Build(key, "c", "u@example.com", AudienceResolver.Production));
        using var publicOnly = RSA.Create();
        publicOnly.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);

        Assert.True(publicOnly.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        using var otherKey = RSA.Create(2048);
        Assert.False(otherKey.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Openssl_verifies_the_signature_with_the_public_key()
    {
        using var key = RSA.Create(2048);
        var jwt = CompactJwt.Parse(new AssertionBuilder(new FixedClock(Now)).Build(key, "c", "u@example.com", AudienceResolver.Production));
        var dir = Directory.CreateTempSubdirectory("jwtauth-openssl-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "pub.pem"), key.ExportSubjectPublicKeyInfoPem());
            File.WriteAllBytes(Path.Combine(dir.FullName, "input.bin"), jwt.SigningInput);
            File.WriteAllBytes(Path.Combine(dir.FullName, "sig.bin"), jwt.Signature);

            Assert.Equal((0, "Verified OK"), Openssl(dir.FullName, "dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.bin", "input.bin"));

            File.WriteAllBytes(Path.Combine(dir.FullName, "input.bin"), jwt.SigningInput.Append((byte)'x').ToArray());
            Assert.NotEqual(0, Openssl(dir.FullName, "dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.bin", "input.bin").ExitCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Output) Openssl(string workingDirectory, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("openssl")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }

    [Fact]
    public void One_builder_and_key_sign_correctly_from_many_threads()
    {
        using var key = RSA.Create(2048);
        var builder = new AssertionBuilder();
        var assertions = Enumerable.Range(0, 64).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => (i, jwt: builder.Build(key, "c", $"user{i}@example.com", AudienceResolver.Production)))
            .ToList();

        foreach (var (i, compact) in assertions)
        {
            var jwt = CompactJwt.Parse(compact);
            Assert.Equal($"user{i}@example.com", (string?)jwt.Claims["sub"]);
            Assert.True(key.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }
    }

    [Fact]
    public void A_key_below_2048_bits_is_refused_with_a_typed_error()
    {
        using var key = RSA.Create(1024);
        // The key-size rule lives in Keys, so the assertion builder refuses with the same KeyException a key file would get.
        var ex = Assert.Throws<KeyException>(() => new AssertionBuilder().Build(key, "c", "u@example.com", AudienceResolver.Production));
        Assert.Equal("KeyTooSmall", ex.ErrorId);
        Assert.Contains("2048", ex.Message);
    }

    [Fact]
    public void A_public_only_key_fails_with_a_typed_error_not_a_crypto_exception()
    {
        using var key = RSA.Create(2048);
        using var publicOnly = RSA.Create();
        publicOnly.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);

        var ex = Assert.Throws<JwtAuthException>(() => new AssertionBuilder().Build(publicOnly, "c", "u@example.com", AudienceResolver.Production));
        Assert.Equal("AssertionSigningFailed", ex.ErrorId);
    }

    [Theory]
    [InlineData("", "u@example.com", "MissingClientId")]
    [InlineData("c", " ", "MissingUsername")]
    public void Missing_claims_are_typed_errors(string clientId, string username, string errorId)
    {
        using var key = RSA.Create(2048);
        var ex = Assert.Throws<JwtAuthException>(() => new AssertionBuilder().Build(key, clientId, username, AudienceResolver.Production));
        Assert.Equal(errorId, ex.ErrorId);
    }
}

/// <summary>A clock stuck at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
