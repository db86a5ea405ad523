using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.Keys;

namespace JwtAuth.Core.Tests.Keys;

/// <summary>Files written to real temp folders, cross-checked with the openssl command line.</summary>
public class CertificateFileWriterTests : IClassFixture<CertificateFileWriterTests.Certificate>
{
    public sealed class Certificate : IDisposable
    {
        public X509Certificate2 Value { get; } = SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = "JwtAuth Files, Test", ValidDays = 90 });
        public void Dispose() => Value.Dispose();
    }

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly X509Certificate2 _certificate;

    public CertificateFileWriterTests(Certificate certificate) => _certificate = certificate.Value;

    [Fact]
    public void Openssl_verifies_the_certificate_and_its_key_matches()
    {
        using var folder = new TempFolder();
        var files = CertificateFileWriter.Write(_certificate, new CertificateFileRequest { Directory = folder.Path });

        Assert.Equal(folder.File("server.key"), files.KeyPath);
        Assert.Equal(folder.File("server.crt"), files.CertificatePath);
        Assert.Null(files.PfxPath);
        Assert.Equal(new[] { "server.crt", "server.key" }, folder.Entries());

        Assert.Equal(files.CertificatePath + ": OK", OpenSsl.Ok("verify", "-CAfile", files.CertificatePath, files.CertificatePath).Trim());
        // -check_ss_sig also checks the self-signature of the anchor, which plain verify skips.
        Assert.Equal(files.CertificatePath + ": OK",
            OpenSsl.Ok("verify", "-partial_chain", "-check_ss_sig", "-CAfile", files.CertificatePath, files.CertificatePath).Trim());

        Assert.Equal(OpenSsl.Modulus("x509", files.CertificatePath), OpenSsl.Modulus("rsa", files.KeyPath));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----\n", File.ReadAllText(files.KeyPath));

        var text = OpenSsl.Ok("x509", "-in", files.CertificatePath, "-noout", "-text");
        Assert.Contains("Signature Algorithm: sha256WithRSAEncryption", text);
        Assert.Contains("Public-Key: (2048 bit)", text);
        Assert.Contains("CA:FALSE", text);
        Assert.Contains("Digital Signature", text);
        Assert.Contains("X509v3 Subject Key Identifier", text);
        Assert.Contains("Version: 3", text);

        var subject = OpenSsl.Ok("x509", "-in", files.CertificatePath, "-noout", "-subject", "-nameopt", "RFC2253").Trim();
        Assert.Equal(@"subject=CN=JwtAuth Files\, Test", subject);
        var dates = OpenSsl.Ok("x509", "-in", files.CertificatePath, "-noout", "-startdate", "-enddate");
        Assert.Contains("notBefore=" + OpensslDate(files.NotBefore), dates);
        Assert.Contains("notAfter=" + OpensslDate(files.NotAfter), dates);
        var fingerprint = OpenSsl.Ok("x509", "-in", files.CertificatePath, "-noout", "-fingerprint", "-sha1");
        Assert.Contains(string.Join(":", Enumerable.Range(0, 20).Select(i => files.Thumbprint.Substring(2 * i, 2))), fingerprint);
    }

    [Fact]
    public void Key_and_pfx_are_owner_only()
    {
        using var folder = new TempFolder();
        var files = CertificateFileWriter.Write(_certificate, new CertificateFileRequest { Directory = folder.Path, PfxPassword = "pfx-pw" });

        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(files.KeyPath));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(files.PfxPath!));
    }

    [Fact]
    public void Openssl_reads_the_pkcs1_key()
    {
        using var folder = new TempFolder();
        var files = CertificateFileWriter.Write(_certificate, new CertificateFileRequest { Directory = folder.Path, KeyFormat = PrivateKeyFormat.Pkcs1 });

        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----\n", File.ReadAllText(files.KeyPath));
        Assert.Equal(PrivateKeyFormat.Pkcs1, files.KeyFormat);
        Assert.Equal(OpenSsl.Modulus("x509", files.CertificatePath), OpenSsl.Modulus("rsa", files.KeyPath));
        Assert.Contains("RSA key ok", OpenSsl.Ok("rsa", "-in", files.KeyPath, "-check", "-noout"));
    }

    [Fact]
    public void Openssl_reads_the_encrypted_key_with_the_password_only()
    {
        using var folder = new TempFolder();
        var files = CertificateFileWriter.Write(_certificate, new CertificateFileRequest { Directory = folder.Path, KeyPassword = "k3y pass" });

        Assert.True(files.KeyEncrypted);
        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n", File.ReadAllText(files.KeyPath));
        Assert.Equal(OpenSsl.Modulus("x509", files.CertificatePath), OpenSsl.Modulus("rsa", files.KeyPath, "k3y pass"));
        Assert.NotEqual(0, OpenSsl.Run("rsa", "-in", files.KeyPath, "-noout", "-passin", "pass:wrong").ExitCode);

        var structure = OpenSsl.Ok("asn1parse", "-in", files.KeyPath);
        Assert.Contains("PBES2", structure);
        Assert.Contains("hmacWithSHA256", structure);
        Assert.Contains("aes-256-cbc", structure);
    }

    [Fact]
    public void Openssl_3_reads_the_pfx_without_legacy_and_dotnet_loads_it()
    {
        using var folder = new TempFolder();
        var files = CertificateFileWriter.Write(_certificate, new CertificateFileRequest { Directory = folder.Path, PfxPassword = "pfx pässword" });

        Assert.Equal(folder.File("server.pfx"), files.PfxPath);
        var info = OpenSsl.Run("pkcs12", "-in", files.PfxPath!, "-info", "-noout", "-passin", "pass:pfx pässword");
        Assert.True(info.ExitCode == 0, info.StdErr);
        Assert.Contains("MAC: sha256", info.StdErr);
        Assert.Contains("PBES2, PBKDF2, AES-256-CBC", info.StdErr);
        Assert.DoesNotContain("RC2", info.StdErr);
        Assert.DoesNotContain("3DES", info.StdErr);

        var pem = OpenSsl.Ok("pkcs12", "-in", files.PfxPath!, "-nodes", "-passin", "pass:pfx pässword");
        Assert.Contains("-----BEGIN PRIVATE KEY-----", pem);
        Assert.Contains("-----BEGIN CERTIFICATE-----", pem);
        var extracted = folder.File("from-pfx.pem");
        File.WriteAllText(extracted, pem);
        Assert.Equal(OpenSsl.Modulus("x509", files.CertificatePath), OpenSsl.Modulus("rsa", extracted));

        Assert.NotEqual(0, OpenSsl.Run("pkcs12", "-in", files.PfxPath!, "-noout", "-passin", "pass:wrong").ExitCode);

        using var loaded = X509CertificateLoader.LoadPkcs12FromFile(files.PfxPath!, "pfx pässword");
        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(_certificate.Thumbprint, loaded.Thumbprint);
        using var key = loaded.GetRSAPrivateKey();
        var signature = key!.SignData(new byte[] { 1, 2, 3 }, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var publicKey = _certificate.GetRSAPublicKey();
        Assert.True(publicKey!.VerifyData(new byte[] { 1, 2, 3 }, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Existing_files_are_left_untouched_without_force_and_nothing_new_is_written()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("server.crt"), "old certificate");
        var request = new CertificateFileRequest { Directory = folder.Path, PfxPassword = "pw" };

        Assert.Equal(new[] { folder.File("server.crt") }, CertificateFileWriter.FindExistingTargets(request));
        var error = Assert.Throws<KeyException>(() => CertificateFileWriter.Write(_certificate, request));

        Assert.Equal(KeyErrorIds.CertificateFileExists, error.ErrorId);
        Assert.Contains("server.crt", error.Message);
        Assert.Contains("-Force", error.Message);
        Assert.Equal(new[] { "server.crt" }, folder.Entries());
        Assert.Equal("old certificate", File.ReadAllText(folder.File("server.crt")));
    }

    [Fact]
    public void Force_replaces_all_existing_files()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "app.key", "app.crt", "app.pfx" }) File.WriteAllText(folder.File(name), "old " + name);

        var files = CertificateFileWriter.Write(_certificate,
            new CertificateFileRequest { Directory = folder.Path, BaseName = "app", PfxPassword = "pw", Force = true });

        Assert.Equal(new[] { "app.crt", "app.key", "app.pfx" }, folder.Entries());
        Assert.Equal(OpenSsl.Modulus("x509", files.CertificatePath), OpenSsl.Modulus("rsa", files.KeyPath));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(files.CertificatePath));
        OpenSsl.Ok("pkcs12", "-in", files.PfxPath!, "-noout", "-passin", "pass:pw");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(files.KeyPath));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(files.PfxPath!));
        }
    }

    [Fact]
    public void A_folder_in_the_way_stops_everything_before_any_file_is_written()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("server.pfx"));

        var error = Assert.Throws<KeyException>(() =>
            CertificateFileWriter.Write(_certificate, new CertificateFileRequest { Directory = folder.Path, PfxPassword = "pw", Force = true }));

        Assert.Equal(KeyErrorIds.CertificateWriteFailed, error.ErrorId);
        Assert.Equal(new[] { "server.pfx" }, folder.Entries());
    }

    [Fact]
    public void A_failure_while_committing_the_last_file_removes_the_new_files()
    {
        using var folder = new TempFolder();
        var request = new CertificateFileRequest { Directory = folder.Path, PfxPassword = "pw" };

        // Another process creates the PFX path between our check and our rename.
        var error = Assert.Throws<KeyException>(() => CertificateFileWriter.Write(_certificate, request,
            path => { if (path.EndsWith(".pfx")) Directory.CreateDirectory(path); }));

        Assert.Equal(KeyErrorIds.CertificateWriteFailed, error.ErrorId);
        Assert.Contains("server.pfx", error.Message);
        Assert.Equal(new[] { "server.pfx" }, folder.Entries());
        Assert.Empty(Directory.GetFileSystemEntries(folder.File("server.pfx")));
    }

    [Fact]
    public void A_failure_with_force_restores_the_old_files()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "server.key", "server.crt" }) File.WriteAllText(folder.File(name), "old " + name);
        var request = new CertificateFileRequest { Directory = folder.Path, PfxPassword = "pw", Force = true };

        Assert.Throws<KeyException>(() => CertificateFileWriter.Write(_certificate, request,
            path => { if (path.EndsWith(".pfx")) Directory.CreateDirectory(path); }));

        Assert.Equal(new[] { "server.crt", "server.key", "server.pfx" }, folder.Entries());
        Assert.Equal("old server.key", File.ReadAllText(folder.File("server.key")));
        Assert.Equal("old server.crt", File.ReadAllText(folder.File("server.crt")));
    }

    [Fact]
    public void A_read_only_folder_fails_cleanly()
    {
        if (OperatingSystem.IsWindows()) return;
        using var folder = new TempFolder();
        var target = folder.File("locked");
        Directory.CreateDirectory(target);
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var thrown = PermissionsEnforced.Run(() => CertificateFileWriter.Write(_certificate, new CertificateFileRequest { Directory = target }));

        var error = Assert.IsType<KeyException>(thrown);
        Assert.Equal(KeyErrorIds.CertificateWriteFailed, error.ErrorId);
        Assert.Contains("server.key", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(target));
    }

    [Fact]
    public void A_missing_folder_is_created()
    {
        using var folder = new TempFolder();
        var nested = Path.Combine(folder.Path, "certs", "prod");

        var files = CertificateFileWriter.Write(_certificate, new CertificateFileRequest { Directory = nested });

        Assert.True(File.Exists(files.KeyPath));
        Assert.Equal(Path.Combine(nested, "server.key"), files.KeyPath);
    }

    [Fact]
    public void Target_paths_are_listed_for_whatif()
    {
        using var folder = new TempFolder();
        Assert.Equal(new[] { folder.File("x.key"), folder.File("x.crt") },
            CertificateFileWriter.GetTargetPaths(new CertificateFileRequest { Directory = folder.Path, BaseName = "x" }));
        Assert.Equal(new[] { folder.File("x.key"), folder.File("x.crt"), folder.File("x.pfx") },
            CertificateFileWriter.GetTargetPaths(new CertificateFileRequest { Directory = folder.Path, BaseName = "x", PfxPassword = "" }));
        Assert.Empty(folder.Entries());
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData("sub/name")]
    [InlineData("..")]
    public void Bad_base_names_are_refused(string baseName)
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<KeyException>(() => CertificateFileWriter.Write(_certificate, new CertificateFileRequest { Directory = folder.Path, BaseName = baseName }));
        Assert.Equal(KeyErrorIds.InvalidFileName, error.ErrorId);
        Assert.Empty(folder.Entries());
    }

    [Fact]
    public void A_certificate_without_private_key_is_refused()
    {
        using var folder = new TempFolder();
        using var publicOnly = X509CertificateLoader.LoadCertificate(_certificate.RawData);
        var error = Assert.Throws<KeyException>(() => CertificateFileWriter.Write(publicOnly, new CertificateFileRequest { Directory = folder.Path }));
        Assert.Equal(KeyErrorIds.CertificateHasNoPrivateKey, error.ErrorId);
        Assert.Empty(folder.Entries());
    }

    [Fact]
    public void Pkcs1_with_a_key_password_is_refused_before_anything_is_written()
    {
        using var folder = new TempFolder();
        var request = new CertificateFileRequest { Directory = folder.File("new"), KeyFormat = PrivateKeyFormat.Pkcs1, KeyPassword = "k3y pass" };

        foreach (var attempt in new Action[] { () => CertificateFileWriter.Plan(request), () => CertificateFileWriter.Write(_certificate, request) })
        {
            var error = Assert.Throws<KeyException>(attempt);
            Assert.Equal(KeyErrorIds.EncryptedPkcs1NotSupported, error.ErrorId);
            Assert.Contains("an encrypted key is written as PKCS#8", error.Problem);
            Assert.Contains("-KeyFormat Pkcs8", error.Fix);
        }
        Assert.Empty(folder.Entries());
    }

    [Theory]
    [InlineData("", null, "-KeyPassword")]
    [InlineData(null, "", "-PfxPassword")]
    public void An_empty_password_is_refused_before_anything_is_written(string? keyPassword, string? pfxPassword, string parameter)
    {
        using var folder = new TempFolder();
        var request = new CertificateFileRequest { Directory = folder.Path, KeyPassword = keyPassword, PfxPassword = pfxPassword };

        var error = Assert.Throws<KeyException>(() => CertificateFileWriter.Write(_certificate, request));
        Assert.Equal(KeyErrorIds.PasswordEmpty, error.ErrorId);
        Assert.Contains(parameter, error.Fix);
        Assert.Equal(KeyErrorIds.PasswordEmpty, Assert.Throws<KeyException>(() => CertificateFileWriter.Plan(request)).ErrorId);
        Assert.Empty(folder.Entries());
    }

    [Fact]
    public void A_folder_path_with_a_nul_is_an_invalid_path_that_targets_the_path()
    {
        using var folder = new TempFolder();
        var bad = Path.Combine(folder.Path, "a\0b");
        var error = Assert.Throws<KeyException>(() => CertificateFileWriter.Plan(new CertificateFileRequest { Directory = bad }));
        Assert.Equal(KeyErrorIds.InvalidPath, error.ErrorId);
        Assert.Equal(bad, error.Target);
        Assert.Equal("path", error.TargetKind);
        Assert.Contains("a NUL character", error.Problem);
        Assert.Contains("a\\u0000b", error.Problem);
        Assert.Empty(folder.Entries());
    }

    private static string OpensslDate(DateTime utc) =>
        utc.ToString("MMM", System.Globalization.CultureInfo.InvariantCulture) + " " + utc.Day.ToString().PadLeft(2) + " " +
        utc.ToString("HH:mm:ss yyyy", System.Globalization.CultureInfo.InvariantCulture) + " GMT";
}
