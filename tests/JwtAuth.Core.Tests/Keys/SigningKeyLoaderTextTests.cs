using JwtAuth.Core.Keys;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Tests.Keys;

/// <summary>SigningKeyLoader.FromText with PEM as CI secrets deliver it: mangled in the ways pipelines mangle it.</summary>
public class SigningKeyLoaderTextTests : IClassFixture<OpenSslKeySet>
{
    private readonly OpenSslKeySet _set;

    public SigningKeyLoaderTextTests(OpenSslKeySet set) => _set = set;

    public static TheoryData<string> Manglings => new()
    {
        "as-is", "crlf", "quoted", "single-quoted", "whitespace", "bom", "literal-backslash-n", "literal-backslash-r-n",
        "spaces-for-newlines", "no-newlines", "base64-of-pem", "base64-of-pem-wrapped", "indented", "body-only",
    };

    [Theory]
    [MemberData(nameof(Manglings))]
    public void Pkcs8_text_survives(string mangling) => AssertLoads(Mangle(File.ReadAllText(_set.Pkcs8), mangling), null, _set.Modulus);

    [Theory]
    [MemberData(nameof(Manglings))]
    public void Pkcs1_text_survives(string mangling) => AssertLoads(Mangle(File.ReadAllText(_set.Pkcs1), mangling), null, _set.Pkcs1Modulus);

    [Theory]
    [MemberData(nameof(Manglings))]
    public void Encrypted_text_survives(string mangling) =>
        AssertLoads(Mangle(File.ReadAllText(_set.EncryptedAes256), mangling), OpenSslKeySet.Password, _set.Modulus);

    [Fact]
    public void Certificate_and_key_text_gives_the_key() =>
        AssertLoads(File.ReadAllText(_set.CertificateAndKey).Replace("\n", " "), null, _set.Modulus);

    [Fact]
    public void Base64_of_a_pfx_loads_with_its_password()
    {
        var text = Convert.ToBase64String(File.ReadAllBytes(_set.Pfx));
        AssertLoads(text, OpenSslKeySet.Password, _set.Modulus);
        SigningKeyLoaderFileTests.AssertError(KeyErrorIds.KeyPasswordRequired, () => SigningKeyLoader.FromText(text));
    }

    [Fact]
    public void Text_keys_are_not_renewable_and_say_where_they_came_from()
    {
        using var key = SigningKeyLoader.FromText(File.ReadAllText(_set.Pkcs8));
        Assert.Equal(KeyReferenceKind.None, key.Reference.Kind);
        Assert.False(key.Reference.IsRenewable);
        Assert.Equal("key text", key.Description);
        Assert.Equal("key text", key.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("\uFEFF")]
    public void Empty_text(string text) => SigningKeyLoaderFileTests.AssertError(KeyErrorIds.KeyTextEmpty, () => SigningKeyLoader.FromText(text));

    [Theory]
    [InlineData("not a key at all")]
    [InlineData("$(SF_JWT_KEY)")]
    [InlineData("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=")]
    public void Text_that_is_no_key(string text) => SigningKeyLoaderFileTests.AssertError(KeyErrorIds.KeyUnreadable, () => SigningKeyLoader.FromText(text));

    [Fact]
    public void A_file_path_given_as_text_is_pointed_out()
    {
        var error = SigningKeyLoaderFileTests.AssertError(KeyErrorIds.KeyUnreadable, () => SigningKeyLoader.FromText(_set.Pkcs8));
        Assert.Contains("path of a file", error.Message);
    }

    [Fact]
    public void Certificate_text_is_not_a_key() =>
        SigningKeyLoaderFileTests.AssertError(KeyErrorIds.NotAPrivateKey, () => SigningKeyLoader.FromText(File.ReadAllText(_set.Certificate).Replace("\n", "\\n")));

    [Fact]
    public void Legacy_encrypted_text_is_recognised_even_on_one_line() =>
        SigningKeyLoaderFileTests.AssertError(KeyErrorIds.LegacyEncryptedPem,
            () => SigningKeyLoader.FromText(File.ReadAllText(_set.LegacyEncrypted).Replace("\n", " "), OpenSslKeySet.Password));

    private static void AssertLoads(string text, string? password, byte[] modulus)
    {
        using var key = SigningKeyLoader.FromText(text, password);
        Assert.Equal(modulus, key.Rsa.ExportParameters(false).Modulus);
        Assert.Equal(2048, key.KeySize);
    }

    private static string Mangle(string pem, string how) => how switch
    {
        "as-is" => pem,
        "crlf" => pem.Replace("\n", "\r\n"),
        "quoted" => "\"" + pem + "\"",
        "single-quoted" => "'" + pem.TrimEnd() + "'",
        "whitespace" => "\n\t  " + pem + "  \n\n",
        "bom" => "\uFEFF" + pem,
        "literal-backslash-n" => pem.Replace("\n", "\\n"),
        "literal-backslash-r-n" => pem.Replace("\n", "\\r\\n"),
        "spaces-for-newlines" => pem.Replace("\n", " "),
        "no-newlines" => pem.Replace("\n", string.Empty),
        "base64-of-pem" => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pem)),
        "base64-of-pem-wrapped" => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pem), Base64FormattingOptions.InsertLineBreaks),
        "indented" => string.Join("\n", pem.Split('\n').Select(line => "    " + line)),
        "body-only" => string.Join("\n", pem.Split('\n').Where(line => !line.StartsWith("-----"))),
        _ => throw new ArgumentOutOfRangeException(nameof(how)),
    };
}
