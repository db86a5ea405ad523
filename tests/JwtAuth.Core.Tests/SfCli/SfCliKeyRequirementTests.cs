using JwtAuth.Core.Model;
using JwtAuth.Core.SfCli;

namespace JwtAuth.Core.Tests.SfCli;

public sealed class SfCliKeyRequirementTests : IDisposable
{
    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void Unencrypted_pkcs8_and_pkcs1_pem_files_are_accepted_and_returned_absolute()
    {
        var pkcs8 = _home.NewKeyFile("pkcs8.key");
        var pkcs1 = _home.Openssl("pkcs1.key", "pkey", "-in", pkcs8, "-traditional", "-out", Path.Combine(_home.Root, "pkcs1.key"));
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", File.ReadAllText(pkcs1));

        Assert.Equal(pkcs8, SfCliKeyRequirement.EnsureUsable(SfCliKeySource.KeyFile, pkcs8));
        Assert.Equal(pkcs1, SfCliKeyRequirement.EnsureUsable(SfCliKeySource.KeyFile, pkcs1));
    }

    [Fact]
    public void Encrypted_keys_are_refused_with_the_openssl_export_fix()
    {
        var plain = _home.NewKeyFile();
        var pkcs8 = _home.Openssl("enc8.key", "pkey", "-in", plain, "-aes256", "-passout", "pass:secret-pass", "-out", Path.Combine(_home.Root, "enc8.key"));
        var pkcs1 = _home.Openssl("enc1.key", "pkey", "-in", plain, "-traditional", "-aes256", "-passout", "pass:secret-pass", "-out", Path.Combine(_home.Root, "enc1.key"));
        Assert.Contains("Proc-Type: 4,ENCRYPTED", File.ReadAllText(pkcs1));

        foreach (var file in new[] { pkcs8, pkcs1 })
        {
            var e = Assert.Throws<SfCliException>(() => SfCliKeyRequirement.EnsureUsable(SfCliKeySource.KeyFile, file));
            Assert.Equal(SfCliErrorIds.KeyEncrypted, e.ErrorId);
            Assert.Contains("passphrase", e.Problem);
            Assert.Contains("openssl", e.Fix);
            Assert.Contains("-KeyFile", e.Fix);
            Assert.Equal(file, e.Target);
        }
    }

    [Fact]
    public void Pfx_certificate_and_missing_files_are_refused_each_with_its_reason()
    {
        var key = _home.NewKeyFile();
        var cert = _home.Openssl("org.crt", "req", "-new", "-x509", "-key", key, "-subj", "/CN=jwtauth-test", "-days", "2", "-out", Path.Combine(_home.Root, "org.crt"));
        var pfx = _home.Openssl("org.pfx", "pkcs12", "-export", "-inkey", key, "-in", cert, "-passout", "pass:x", "-out", Path.Combine(_home.Root, "org.pfx"));

        Assert.Equal(SfCliErrorIds.KeyIsPfx, Refuse(SfCliKeySource.KeyFile, pfx).ErrorId);
        Assert.Equal(SfCliErrorIds.KeyNotPem, Refuse(SfCliKeySource.KeyFile, cert).ErrorId);
        Assert.Equal(SfCliErrorIds.KeyFileNotFound, Refuse(SfCliKeySource.KeyFile, Path.Combine(_home.Root, "nope.key")).ErrorId);
        Assert.Equal(SfCliErrorIds.KeyPathNotAbsolute, Refuse(SfCliKeySource.KeyFile, "org.key").ErrorId);
    }

    [Theory]
    [InlineData(SfCliKeySource.PrivateKeyText, SfCliErrorIds.KeyInMemory, "-PrivateKey")]
    [InlineData(SfCliKeySource.Certificate, SfCliErrorIds.KeyInMemory, "-Certificate")]
    [InlineData(SfCliKeySource.CertificateThumbprint, SfCliErrorIds.KeyInCertificateStore, "-CertificateThumbprint")]
    public void Keys_that_are_not_files_are_refused_naming_the_parameter(SfCliKeySource source, string errorId, string parameter)
    {
        var e = Refuse(source, _home.NewKeyFile());
        Assert.Equal(errorId, e.ErrorId);
        Assert.Contains(parameter, e.Problem);
        Assert.Contains("unencrypted PKCS#8 PEM", e.Fix);
    }

    [Fact]
    public void A_key_reference_maps_to_its_source()
    {
        Assert.Equal(SfCliKeySource.KeyFile, SfCliKeyRequirement.SourceOf(KeyReference.File("/k.pem")));
        Assert.Equal(SfCliKeySource.CertificateThumbprint, SfCliKeyRequirement.SourceOf(KeyReference.Store("AB", "CurrentUser\\My")));
        Assert.Equal(SfCliKeySource.PrivateKeyText, SfCliKeyRequirement.SourceOf(KeyReference.None()));
    }

    [Fact]
    public void A_stored_key_reference_is_checked_like_its_parameter()
    {
        var key = _home.NewKeyFile();
        Assert.Equal(key, SfCliKeyRequirement.EnsureUsable(KeyReference.File(key)));
        Assert.Equal(SfCliErrorIds.KeyInCertificateStore, Assert.Throws<SfCliException>(() => SfCliKeyRequirement.EnsureUsable(KeyReference.Store("AB12", "CurrentUser\\My"))).ErrorId);
        Assert.Equal(SfCliErrorIds.KeyInMemory, Assert.Throws<SfCliException>(() => SfCliKeyRequirement.EnsureUsable(KeyReference.None())).ErrorId);
    }

    private static SfCliException Refuse(SfCliKeySource source, string path) =>
        Assert.Throws<SfCliException>(() => SfCliKeyRequirement.EnsureUsable(source, path));
}
