using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Tests.Keys;

/// <summary>SigningKeyLoader.FromFile against every key format openssl writes, and every way a key file can be wrong.</summary>
public class SigningKeyLoaderFileTests : IClassFixture<OpenSslKeySet>
{
    private readonly OpenSslKeySet _set;

    public SigningKeyLoaderFileTests(OpenSslKeySet set) => _set = set;

    public static TheoryData<string, bool> ReadableFiles => new()
    {
        { nameof(OpenSslKeySet.Pkcs8), false },
        { nameof(OpenSslKeySet.EncryptedAes256), true },
        { nameof(OpenSslKeySet.EncryptedAes128Sha1), true },
        { nameof(OpenSslKeySet.EncryptedDes3), true },
        { nameof(OpenSslKeySet.Pkcs8Der), false },
        { nameof(OpenSslKeySet.Pkcs1Der), false },
        { nameof(OpenSslKeySet.Pfx), true },
        { nameof(OpenSslKeySet.PfxEmptyPassword), false },
        { nameof(OpenSslKeySet.CertificateAndKey), false },
    };

    [Theory]
    [MemberData(nameof(ReadableFiles))]
    public void Reads_what_openssl_writes_and_signs_verifiably_for_the_certificate(string file, bool needsPassword)
    {
        var path = PathOf(file);
        using var key = SigningKeyLoader.FromFile(path, needsPassword ? OpenSslKeySet.Password : null);

        Assert.Equal(_set.Modulus, key.Rsa.ExportParameters(false).Modulus);
        Assert.Equal(2048, key.KeySize);
        Assert.Equal(KeyReferenceKind.File, key.Reference.Kind);
        Assert.Equal(path, key.Reference.KeyFile);
        Assert.StartsWith("key file " + path, key.Description);
        AssertSignsForCertificate(key);
    }

    [Fact]
    public void Reads_the_traditional_pkcs1_key()
    {
        using var key = SigningKeyLoader.FromFile(_set.Pkcs1);
        Assert.Equal(_set.Pkcs1Modulus, key.Rsa.ExportParameters(false).Modulus);
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", File.ReadAllText(_set.Pkcs1));
    }

    [Fact]
    public void Reads_a_legacy_rc2_pfx_when_openssl_can_write_one()
    {
        if (!OpenSsl.SupportsLegacyProvider) return;
        using var key = SigningKeyLoader.FromFile(_set.PfxLegacy, OpenSslKeySet.Password);
        Assert.Equal(_set.Modulus, key.Rsa.ExportParameters(false).Modulus);
    }

    [Fact]
    public void A_pfx_brings_its_certificate_along()
    {
        using var key = SigningKeyLoader.FromFile(_set.Pfx, OpenSslKeySet.Password);
        Assert.NotNull(key.Certificate);
        Assert.Equal("CN=openssl-made", key.Certificate!.Subject);
        Assert.Contains("thumbprint " + key.Certificate.Thumbprint, key.Description);
    }

    [Fact]
    public void Files_are_recognised_by_content_not_extension()
    {
        var renamed = _set.Scratch("looks-like.crt");
        File.Copy(_set.Pfx, renamed, overwrite: true);
        using var key = SigningKeyLoader.FromFile(renamed, OpenSslKeySet.Password);
        Assert.Equal(_set.Modulus, key.Rsa.ExportParameters(false).Modulus);
    }

    [Fact]
    public void A_utf16_file_as_windows_powershell_redirection_writes_it()
    {
        var path = _set.Scratch("utf16.key");
        File.WriteAllText(path, File.ReadAllText(_set.Pkcs8).Replace("\n", "\r\n"), new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        using var key = SigningKeyLoader.FromFile(path);
        Assert.Equal(_set.Modulus, key.Rsa.ExportParameters(false).Modulus);
    }

    [Fact]
    public void A_file_reference_reloads_the_same_key()
    {
        using var first = SigningKeyLoader.FromFile(_set.EncryptedAes256, OpenSslKeySet.Password);
        using var again = SigningKeyLoader.FromReference(first.Reference, OpenSslKeySet.Password);
        Assert.Equal(first.Rsa.ExportParameters(false).Modulus, again.Rsa.ExportParameters(false).Modulus);
        Assert.Equal(first.Reference.KeyFile, again.Reference.KeyFile);
    }

    [Fact]
    public void A_text_key_cannot_be_reloaded()
    {
        using var fromText = SigningKeyLoader.FromText(File.ReadAllText(_set.Pkcs8));
        AssertError(KeyErrorIds.KeyNotRenewable, () => SigningKeyLoader.FromReference(fromText.Reference));
    }

    [Fact]
    public void A_disposed_key_cannot_be_used()
    {
        var key = SigningKeyLoader.FromFile(_set.Pkcs8);
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Rsa);
        key.Dispose();
    }

    [Fact]
    public void A_relative_path_is_made_absolute_in_the_reference()
    {
        // Relative to the current folder without changing it: other tests run in parallel in this process.
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, _set.Pkcs8);
        Assert.False(Path.IsPathRooted(relative));
        using var key = SigningKeyLoader.FromFile(relative);
        Assert.Equal(_set.Pkcs8, key.Reference.KeyFile);
    }

    [Fact]
    public void The_keys_we_write_load_in_every_format()
    {
        using var folder = new TempFolder();
        using var certificate = SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = "round trip" });
        var expected = certificate.GetRSAPublicKey()!.ExportParameters(false).Modulus;
        var variants = new[]
        {
            new CertificateFileRequest { Directory = folder.Path, BaseName = "p8", PfxPassword = "x" },
            new CertificateFileRequest { Directory = folder.Path, BaseName = "p1", KeyFormat = PrivateKeyFormat.Pkcs1 },
            new CertificateFileRequest { Directory = folder.Path, BaseName = "enc", KeyPassword = "kp" },
        };
        foreach (var request in variants)
        {
            var files = CertificateFileWriter.Write(certificate, request);
            using var fromKey = SigningKeyLoader.FromFile(files.KeyPath, request.KeyPassword);
            Assert.Equal(expected, fromKey.Rsa.ExportParameters(false).Modulus);
            if (files.PfxPath != null)
            {
                using var fromPfx = SigningKeyLoader.FromFile(files.PfxPath, "x");
                Assert.Equal(expected, fromPfx.Rsa.ExportParameters(false).Modulus);
                Assert.Equal(KeyErrorIds.KeyPasswordIncorrect, Assert.Throws<KeyException>(() => SigningKeyLoader.FromFile(files.PfxPath, "y")).ErrorId);
            }
        }
    }

    // ---- errors ----

    [Fact]
    public void Missing_file()
    {
        var path = _set.Scratch("nope.key");
        var error = AssertError(KeyErrorIds.KeyFileNotFound, () => SigningKeyLoader.FromFile(path));
        Assert.Contains(path, error.Message);
        Assert.Equal(path, error.Target);
    }

    [Fact]
    public void A_folder_instead_of_a_file()
    {
        var error = AssertError(KeyErrorIds.KeyFileUnreadable, () => SigningKeyLoader.FromFile(_set.Folder));
        Assert.Contains("folder", error.Message);
    }

    [Fact]
    public void Permission_denied()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = _set.Scratch("locked.key");
        File.Copy(_set.Pkcs8, path, overwrite: true);
        File.SetUnixFileMode(path, UnixFileMode.None);

        var thrown = PermissionsEnforced.Run(() => SigningKeyLoader.FromFile(path).Dispose());

        var error = Assert.IsType<KeyException>(thrown);
        Assert.Equal(KeyErrorIds.KeyFileUnreadable, error.ErrorId);
        Assert.Equal(JwtAuth.Core.Errors.JwtAuthErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("permission denied", error.Message);
        Assert.IsType<UnauthorizedAccessException>(error.InnerException);
    }

    [Fact]
    public void Empty_file()
    {
        var path = _set.Scratch("empty.key");
        File.WriteAllBytes(path, Array.Empty<byte>());
        Assert.Contains("empty", AssertError(KeyErrorIds.KeyUnreadable, () => SigningKeyLoader.FromFile(path)).Message);
    }

    [Fact]
    public void Binary_garbage()
    {
        var path = _set.Scratch("garbage.bin");
        var bytes = RandomNumberGenerator.GetBytes(1200);
        bytes[0] = 0x30;
        File.WriteAllBytes(path, bytes);
        AssertError(KeyErrorIds.KeyUnreadable, () => SigningKeyLoader.FromFile(path));
    }

    [Fact]
    public void A_certificate_is_not_a_private_key_and_the_message_says_which_file_goes_where()
    {
        var error = AssertError(KeyErrorIds.NotAPrivateKey, () => SigningKeyLoader.FromFile(_set.Certificate));
        Assert.Contains("certificate", error.Problem);
        Assert.Contains(".crt", error.Fix);
        Assert.Contains(".key", error.Fix);

        var der = _set.Scratch("cert.der");
        OpenSsl.Ok("x509", "-in", _set.Certificate, "-outform", "DER", "-out", der);
        Assert.Contains("certificate", AssertError(KeyErrorIds.NotAPrivateKey, () => SigningKeyLoader.FromFile(der)).Problem);
    }

    [Fact]
    public void A_public_key_is_not_a_private_key()
    {
        Assert.Contains("public key", AssertError(KeyErrorIds.NotAPrivateKey, () => SigningKeyLoader.FromFile(_set.PublicKey)).Problem);
        Assert.Contains("public key", AssertError(KeyErrorIds.NotAPrivateKey, () => SigningKeyLoader.FromFile(_set.RsaPublicKey)).Problem);
    }

    [Fact]
    public void A_1024_bit_key_is_too_small()
    {
        var error = AssertError(KeyErrorIds.KeyTooSmall, () => SigningKeyLoader.FromFile(_set.Rsa1024));
        Assert.Contains("1024-bit", error.Message);
        Assert.Contains("2048", error.Message);
    }

    [Theory]
    [InlineData(nameof(OpenSslKeySet.EcTraditional), "EC")]
    [InlineData(nameof(OpenSslKeySet.EcPkcs8), "EC")]
    [InlineData(nameof(OpenSslKeySet.Ed25519), "Ed25519")]
    [InlineData(nameof(OpenSslKeySet.DsaPkcs8), "DSA")]
    [InlineData(nameof(OpenSslKeySet.DsaTraditional), "DSA")]
    public void Non_rsa_keys_are_named(string file, string type)
    {
        var error = AssertError(KeyErrorIds.KeyNotRsa, () => SigningKeyLoader.FromFile(PathOf(file)));
        Assert.Contains(type, error.Message);
        Assert.Contains("RSA", error.Message);
    }

    [Fact]
    public void Legacy_openssl_pem_encryption_gets_the_conversion_commands()
    {
        Assert.Contains("Proc-Type: 4,ENCRYPTED", File.ReadAllText(_set.LegacyEncrypted));
        var error = AssertError(KeyErrorIds.LegacyEncryptedPem, () => SigningKeyLoader.FromFile(_set.LegacyEncrypted, OpenSslKeySet.Password));
        Assert.Contains("openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.key -out new.key", error.Fix);
        Assert.Contains("openssl rsa -in old.key -out new.key", error.Fix);
    }

    [Theory]
    [InlineData(nameof(OpenSslKeySet.EncryptedAes256))]
    [InlineData(nameof(OpenSslKeySet.Pfx))]
    public void Encrypted_files_want_their_password(string file)
    {
        AssertError(KeyErrorIds.KeyPasswordRequired, () => SigningKeyLoader.FromFile(PathOf(file)));
        var wrong = AssertError(KeyErrorIds.KeyPasswordIncorrect, () => SigningKeyLoader.FromFile(PathOf(file), "not it"));
        Assert.DoesNotContain("not it", wrong.Message);
    }

    [Fact]
    public void A_truncated_pem_says_so()
    {
        var path = _set.Scratch("cut.key");
        var text = File.ReadAllText(_set.Pkcs8);
        File.WriteAllText(path, text.Substring(0, text.Length / 2));
        Assert.Contains("END", AssertError(KeyErrorIds.KeyUnreadable, () => SigningKeyLoader.FromFile(path)).Message);
    }

    [Fact]
    public void A_damaged_key_body_is_unreadable_without_leaking_it()
    {
        var path = _set.Scratch("damaged.key");
        var lines = File.ReadAllLines(_set.Pkcs1).ToList();
        lines.RemoveAt(5);
        File.WriteAllLines(path, lines);
        var error = AssertError(KeyErrorIds.KeyUnreadable, () => SigningKeyLoader.FromFile(path));
        foreach (var line in lines.Skip(1).Take(lines.Count - 2))
            Assert.DoesNotContain(line.Substring(0, 20), error.ToString());
    }

    private void AssertSignsForCertificate(SigningKey key)
    {
        var data = System.Text.Encoding.UTF8.GetBytes("header.claims");
        var signature = key.Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(_set.Certificate);
        using var publicKey = certificate.GetRSAPublicKey();
        Assert.True(publicKey!.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private string PathOf(string property) => _set.PathOf(property);

    internal static KeyException AssertError(string errorId, Func<SigningKey> load)
    {
        var error = Assert.Throws<KeyException>(() => { using var _ = load(); });
        Assert.True(errorId == error.ErrorId, $"expected {errorId}, got {error.ErrorId}: {error.Message}");
        Assert.False(string.IsNullOrWhiteSpace(error.Fix), "every key error names a fix");
        Assert.DoesNotContain("MII", error.Message);
        return error;
    }
}
