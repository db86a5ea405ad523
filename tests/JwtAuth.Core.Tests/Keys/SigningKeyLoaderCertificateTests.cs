using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Tests.Keys;

/// <summary>
/// FromCertificate and FromThumbprint. On Linux the CurrentUser\My store is .NET's own folder under ~/.dotnet;
/// each test adds a throwaway certificate there and removes it afterwards.
/// </summary>
public class SigningKeyLoaderCertificateTests
{
    [Fact]
    public void A_certificate_with_its_key_signs_for_its_public_key()
    {
        using var certificate = SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = "from object" });
        using var key = SigningKeyLoader.FromCertificate(certificate);

        Assert.Equal(KeyReferenceKind.None, key.Reference.Kind);
        Assert.Equal("certificate CN=from object, thumbprint " + certificate.Thumbprint, key.Description);
        var signature = key.Rsa.SignData(new byte[] { 7 }, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var publicKey = certificate.GetRSAPublicKey();
        Assert.True(publicKey!.VerifyData(new byte[] { 7 }, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        key.Dispose();
        Assert.True(certificate.HasPrivateKey, "the caller's certificate stays usable");
    }

    [Fact]
    public void A_certificate_without_key_names_the_pfx_as_the_fix()
    {
        using var withKey = SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = "crt only" });
        using var crtOnly = X509CertificateLoader.LoadCertificate(withKey.RawData);

        var error = SigningKeyLoaderFileTests.AssertError(KeyErrorIds.CertificateHasNoPrivateKey, () => SigningKeyLoader.FromCertificate(crtOnly));
        Assert.Contains(".pfx", error.Fix);
        Assert.Contains("not the .crt", error.Fix);
    }

    [Fact]
    public void An_ec_certificate_is_not_rsa()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ec", ec, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        Assert.Contains("EC", SigningKeyLoaderFileTests.AssertError(KeyErrorIds.KeyNotRsa, () => SigningKeyLoader.FromCertificate(certificate)).Message);
    }

    [Fact]
    public void Thumbprint_lookup_finds_the_certificate_in_current_user_my_however_the_thumbprint_was_copied()
    {
        using var certificate = SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = "store lookup" });
        using var stored = InStore(certificate);
        var thumbprint = certificate.Thumbprint;
        var copied = "\u200E" + string.Join(" ", Enumerable.Range(0, 20).Select(i => thumbprint.Substring(2 * i, 2))).ToLowerInvariant();

        using var key = SigningKeyLoader.FromThumbprint(copied);

        Assert.Equal(KeyReferenceKind.CertificateStore, key.Reference.Kind);
        Assert.Equal(thumbprint, key.Reference.CertificateThumbprint);
        Assert.Equal("CurrentUser\\My", key.Reference.CertificateStore);
        Assert.Contains("CN=store lookup", key.Description);
        var signature = key.Rsa.SignData(new byte[] { 9 }, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var publicKey = certificate.GetRSAPublicKey();
        Assert.True(publicKey!.VerifyData(new byte[] { 9 }, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        using var reloaded = SigningKeyLoader.FromReference(key.Reference);
        Assert.Equal(key.Rsa.ExportParameters(false).Modulus, reloaded.Rsa.ExportParameters(false).Modulus);
    }

    [Fact]
    public void Thumbprint_of_a_stored_certificate_without_key()
    {
        using var withKey = SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = "stored without key" });
        using var crtOnly = X509CertificateLoader.LoadCertificate(withKey.RawData);
        using var stored = InStore(crtOnly);

        var error = SigningKeyLoaderFileTests.AssertError(KeyErrorIds.CertificateHasNoPrivateKey, () => SigningKeyLoader.FromThumbprint(withKey.Thumbprint));
        Assert.Contains("CurrentUser\\My", error.Message);
    }

    [Fact]
    public void Thumbprint_not_found_names_both_stores()
    {
        var absent = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        var error = SigningKeyLoaderFileTests.AssertError(KeyErrorIds.CertificateNotFound, () => SigningKeyLoader.FromThumbprint(absent.ToLowerInvariant()));
        Assert.Contains(absent, error.Message);
        Assert.Contains("CurrentUser\\My", error.Message);
        Assert.Contains("LocalMachine\\My", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12AB")]
    [InlineData("ZZ34567890123456789012345678901234567890")]
    public void Malformed_thumbprints(string thumbprint) =>
        SigningKeyLoaderFileTests.AssertError(KeyErrorIds.InvalidThumbprint, () => SigningKeyLoader.FromThumbprint(thumbprint));

    [Theory]
    [InlineData("ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01")]
    [InlineData(" ABCDEF0123456789ABCDEF0123456789ABCDEF01 ")]
    [InlineData("\u200eab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef 01")]
    public void Thumbprints_are_normalised(string given) =>
        Assert.Equal("ABCDEF0123456789ABCDEF0123456789ABCDEF01", CertificateStoreLookup.NormalizeThumbprint(given));

    private static StoreEntry InStore(X509Certificate2 certificate) => new(certificate);

    private sealed class StoreEntry : IDisposable
    {
        private readonly X509Certificate2 _certificate;

        public StoreEntry(X509Certificate2 certificate)
        {
            _certificate = certificate;
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadWrite);
            store.Add(certificate);
        }

        public void Dispose()
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadWrite);
            store.Remove(_certificate);
        }
    }
}
