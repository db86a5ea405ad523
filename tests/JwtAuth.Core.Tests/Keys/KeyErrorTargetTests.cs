using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.Keys;

namespace JwtAuth.Core.Tests.Keys;

/// <summary>What a key error is about: the key file's path, the certificate's thumbprint, never the key text.</summary>
public class KeyErrorTargetTests : IClassFixture<OpenSslKeySet>
{
    private readonly OpenSslKeySet _set;

    public KeyErrorTargetTests(OpenSslKeySet set) => _set = set;

    public static TheoryData<string, string?, string> BadFiles => new()
    {
        { nameof(OpenSslKeySet.PublicKey), null, KeyErrorIds.NotAPrivateKey },
        { nameof(OpenSslKeySet.Certificate), null, KeyErrorIds.NotAPrivateKey },
        { nameof(OpenSslKeySet.Rsa1024), null, KeyErrorIds.KeyTooSmall },
        { nameof(OpenSslKeySet.EcPkcs8), null, KeyErrorIds.KeyNotRsa },
        { nameof(OpenSslKeySet.LegacyEncrypted), OpenSslKeySet.Password, KeyErrorIds.LegacyEncryptedPem },
        { nameof(OpenSslKeySet.EncryptedAes256), null, KeyErrorIds.KeyPasswordRequired },
        { nameof(OpenSslKeySet.EncryptedAes256), "wrong " + OpenSslKeySet.Password, KeyErrorIds.KeyPasswordIncorrect },
        { nameof(OpenSslKeySet.Pfx), null, KeyErrorIds.KeyPasswordRequired },
        { nameof(OpenSslKeySet.Pfx), "wrong " + OpenSslKeySet.Password, KeyErrorIds.KeyPasswordIncorrect },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void An_error_about_a_key_file_targets_its_path(string file, string? password, string errorId)
    {
        var path = _set.PathOf(file);
        var error = SigningKeyLoaderFileTests.AssertError(errorId, () => SigningKeyLoader.FromFile(path, password));
        Assert.Equal(path, error.Target);
        Assert.Equal("key file", error.TargetKind);
    }

    [Fact]
    public void An_unreadable_or_empty_file_targets_its_path()
    {
        var garbage = _set.Scratch("target-garbage.key");
        File.WriteAllText(garbage, "not a key at all, only words");
        var empty = _set.Scratch("target-empty.key");
        File.WriteAllBytes(empty, Array.Empty<byte>());

        foreach (var path in new[] { garbage, empty })
            Assert.Equal(path, SigningKeyLoaderFileTests.AssertError(KeyErrorIds.KeyUnreadable, () => SigningKeyLoader.FromFile(path)).Target);
    }

    [Fact]
    public void An_error_about_key_text_has_no_target_so_never_the_text()
    {
        var certificateText = File.ReadAllText(_set.Certificate);
        var error = SigningKeyLoaderFileTests.AssertError(KeyErrorIds.NotAPrivateKey, () => SigningKeyLoader.FromText(certificateText));
        Assert.Null(error.Target);
        Assert.Null(error.TargetKind);

        var base64 = Convert.ToBase64String(File.ReadAllBytes(_set.EncryptedAes256));
        Assert.Null(SigningKeyLoaderFileTests.AssertError(KeyErrorIds.KeyPasswordRequired, () => SigningKeyLoader.FromText(base64)).Target);
    }

    [Fact]
    public void An_error_about_a_certificate_targets_its_thumbprint()
    {
        using var withKey = SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = "target" });
        using var crtOnly = X509CertificateLoader.LoadCertificate(withKey.RawData);
        var error = SigningKeyLoaderFileTests.AssertError(KeyErrorIds.CertificateHasNoPrivateKey, () => SigningKeyLoader.FromCertificate(crtOnly));
        Assert.Equal(withKey.Thumbprint, error.Target);
        Assert.Equal("thumbprint", error.TargetKind);

        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ecCertificate = new CertificateRequest("CN=ec", ec, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(ecCertificate.Thumbprint, SigningKeyLoaderFileTests.AssertError(KeyErrorIds.KeyNotRsa, () => SigningKeyLoader.FromCertificate(ecCertificate)).Target);
    }

    [Fact]
    public void A_key_path_with_a_nul_is_an_invalid_path_that_targets_the_path()
    {
        var path = _set.Scratch("bad\0name.key");
        var error = SigningKeyLoaderFileTests.AssertError(KeyErrorIds.InvalidPath, () => SigningKeyLoader.FromFile(path));
        Assert.Equal(path, error.Target);
        Assert.Contains("NUL", error.Message);
        Assert.Equal(-1, error.Message.IndexOf('\0'));
    }
}
