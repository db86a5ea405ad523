using JwtAuth.Core.Keys;

namespace JwtAuth.Core.Tests.Keys;

/// <summary>A password given for a key that is not encrypted is reported, so the cmdlets can warn; the key still loads.</summary>
public class KeyPasswordNotNeededTests : IClassFixture<OpenSslKeySet>
{
    private readonly OpenSslKeySet _set;

    public KeyPasswordNotNeededTests(OpenSslKeySet set) => _set = set;

    [Theory]
    [InlineData(nameof(OpenSslKeySet.Pkcs8))]
    [InlineData(nameof(OpenSslKeySet.Pkcs1))]
    [InlineData(nameof(OpenSslKeySet.Pkcs8Der))]
    [InlineData(nameof(OpenSslKeySet.Pkcs1Der))]
    [InlineData(nameof(OpenSslKeySet.CertificateAndKey))]
    public void An_unencrypted_key_file_with_a_password_loads_and_says_the_password_was_not_needed(string file)
    {
        var path = _set.PathOf(file);
        using var key = SigningKeyLoader.FromFile(path, "unneeded");
        Assert.True(key.PasswordNotNeeded);
        Assert.Contains(path, key.PasswordNotNeededWarning);
        Assert.Contains("-KeyPassword", key.PasswordNotNeededWarning);
        Assert.Contains("not encrypted", key.PasswordNotNeededWarning);
        Assert.DoesNotContain("unneeded", key.PasswordNotNeededWarning);
    }

    [Fact]
    public void Unencrypted_key_text_with_a_password_says_so_too()
    {
        using var key = SigningKeyLoader.FromText(File.ReadAllText(_set.Pkcs1), "unneeded");
        Assert.True(key.PasswordNotNeeded);
        Assert.StartsWith("The key text is not encrypted", key.PasswordNotNeededWarning);
    }

    [Theory]
    [InlineData(nameof(OpenSslKeySet.EncryptedAes256), OpenSslKeySet.Password)]
    [InlineData(nameof(OpenSslKeySet.Pfx), OpenSslKeySet.Password)]
    [InlineData(nameof(OpenSslKeySet.Pkcs8), null)]
    [InlineData(nameof(OpenSslKeySet.PfxEmptyPassword), null)]
    public void A_password_that_opened_the_key_or_no_password_is_not_reported(string file, string? password)
    {
        using var key = SigningKeyLoader.FromFile(_set.PathOf(file), password);
        Assert.False(key.PasswordNotNeeded);
        Assert.Null(key.PasswordNotNeededWarning);
    }
}
