using System.Text;
using JwtAuth.Core.Keys;

namespace JwtAuth.Core.Tests.Keys;

/// <summary>
/// The one decision about what a key input is, against what openssl writes: PEM by its label, DER by its
/// structure, text by what is left after a pipeline mangled it. The key's algorithm is the reader's business,
/// so an EC or Ed25519 key in PKCS#8 is still PKCS#8 here.
/// </summary>
public class KeyFormatDetectorTests : IClassFixture<OpenSslKeySet>
{
    private readonly OpenSslKeySet _set;

    public KeyFormatDetectorTests(OpenSslKeySet set) => _set = set;

    [Theory]
    [InlineData(nameof(OpenSslKeySet.Pkcs8), nameof(KeyFormat.Pkcs8PrivateKey))]
    [InlineData(nameof(OpenSslKeySet.Pkcs1), nameof(KeyFormat.Pkcs1PrivateKey))]
    [InlineData(nameof(OpenSslKeySet.EncryptedAes256), nameof(KeyFormat.EncryptedPkcs8PrivateKey))]
    [InlineData(nameof(OpenSslKeySet.CertificateAndKey), nameof(KeyFormat.Pkcs8PrivateKey))]
    [InlineData(nameof(OpenSslKeySet.Certificate), nameof(KeyFormat.Certificate))]
    [InlineData(nameof(OpenSslKeySet.PublicKey), nameof(KeyFormat.PublicKey))]
    [InlineData(nameof(OpenSslKeySet.RsaPublicKey), nameof(KeyFormat.PublicKey))]
    [InlineData(nameof(OpenSslKeySet.EcTraditional), nameof(KeyFormat.EcPrivateKey))]
    [InlineData(nameof(OpenSslKeySet.EcPkcs8), nameof(KeyFormat.Pkcs8PrivateKey))]
    [InlineData(nameof(OpenSslKeySet.Ed25519), nameof(KeyFormat.Pkcs8PrivateKey))]
    [InlineData(nameof(OpenSslKeySet.DsaTraditional), nameof(KeyFormat.DsaPrivateKey))]
    [InlineData(nameof(OpenSslKeySet.LegacyEncrypted), nameof(KeyFormat.LegacyEncryptedPem))]
    public void Pem_files_are_told_by_their_label(string file, string format)
    {
        var content = KeyFormatDetector.Detect(File.ReadAllBytes(PathOf(file)), KeyOrigin.Named("key file"));

        Assert.Equal(format, content.Format.ToString());
        Assert.True(content.IsPem);
        Assert.Equal("key file", content.Origin.Description);
    }

    [Theory]
    [InlineData(nameof(OpenSslKeySet.Pkcs8Der), nameof(KeyFormat.Pkcs8PrivateKey))]
    [InlineData(nameof(OpenSslKeySet.Pkcs1Der), nameof(KeyFormat.Pkcs1PrivateKey))]
    [InlineData(nameof(OpenSslKeySet.Pfx), nameof(KeyFormat.Pfx))]
    [InlineData(nameof(OpenSslKeySet.PfxEmptyPassword), nameof(KeyFormat.Pfx))]
    public void Binary_files_are_told_by_their_structure_and_handed_on_whole(string file, string format)
    {
        var bytes = File.ReadAllBytes(PathOf(file));
        var content = KeyFormatDetector.Detect(bytes, KeyOrigin.Named("key file"));

        Assert.Equal(format, content.Format.ToString());
        Assert.False(content.IsPem);
        Assert.Equal(File.ReadAllBytes(PathOf(file)), content.Der);
    }

    [Theory]
    [InlineData("certificate", nameof(KeyFormat.Certificate))]
    [InlineData("spki", nameof(KeyFormat.PublicKey))]
    [InlineData("rsa-public", nameof(KeyFormat.PublicKey))]
    [InlineData("ec", nameof(KeyFormat.EcPrivateKey))]
    [InlineData("dsa", nameof(KeyFormat.DsaPrivateKey))]
    [InlineData("encrypted", nameof(KeyFormat.EncryptedPkcs8PrivateKey))]
    public void Der_that_openssl_converts_to_is_told_by_its_structure(string what, string format)
    {
        var der = _set.Scratch(what + ".der");
        OpenSsl.Ok(what switch
        {
            "certificate" => new[] { "x509", "-in", _set.Certificate, "-outform", "DER", "-out", der },
            "spki" => new[] { "rsa", "-in", _set.Pkcs8, "-pubout", "-outform", "DER", "-out", der },
            "rsa-public" => new[] { "rsa", "-in", _set.Pkcs8, "-RSAPublicKey_out", "-outform", "DER", "-out", der },
            "ec" => new[] { "ec", "-in", _set.EcTraditional, "-outform", "DER", "-out", der },
            "dsa" => new[] { "dsa", "-in", _set.DsaTraditional, "-outform", "DER", "-out", der },
            _ => new[] { "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", _set.Pkcs8, "-outform", "DER", "-out", der, "-passout", "pass:x" },
        });

        var content = KeyFormatDetector.Detect(File.ReadAllBytes(der), KeyOrigin.Named("key file"));
        Assert.Equal(format, content.Format.ToString());
        Assert.False(content.IsPem);
    }

    [Fact]
    public void A_pem_block_hands_on_the_der_inside_it()
    {
        var content = KeyFormatDetector.Detect(File.ReadAllBytes(_set.Pkcs8), KeyOrigin.Named("key file"));
        Assert.Equal(File.ReadAllBytes(_set.Pkcs8Der), content.Der);
    }

    [Fact]
    public void A_utf16_file_is_pem_text()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(File.ReadAllText(_set.Pkcs8))).ToArray();
        var content = KeyFormatDetector.Detect(bytes, KeyOrigin.Named("key file"));
        Assert.Equal(KeyFormat.Pkcs8PrivateKey, content.Format);
        Assert.True(content.IsPem);
    }

    [Fact]
    public void Base64_of_a_whole_file_says_so_in_the_source()
    {
        var ofPem = KeyFormatDetector.Detect(Convert.ToBase64String(File.ReadAllBytes(_set.Pkcs1)), KeyOrigin.Text());
        Assert.Equal((KeyFormat.Pkcs1PrivateKey, true, "key text (base64 of PEM)"), (ofPem.Format, ofPem.IsPem, ofPem.Origin.Description));

        var ofPfx = KeyFormatDetector.Detect(Convert.ToBase64String(File.ReadAllBytes(_set.Pfx)), KeyOrigin.Text());
        Assert.Equal((KeyFormat.Pfx, false, "key text (base64)"), (ofPfx.Format, ofPfx.IsPem, ofPfx.Origin.Description));
        Assert.Equal(File.ReadAllBytes(_set.Pfx), ofPfx.Der);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x20, 0x0D, 0x0A, 0x09 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x0A })]
    public void A_file_with_nothing_in_it_is_empty(byte[] bytes) =>
        Assert.Equal(KeyFormat.Empty, KeyFormatDetector.Detect(bytes, KeyOrigin.Named("key file")).Format);

    [Fact]
    public void Key_text_that_names_a_file_is_pointed_out_but_the_same_text_in_a_file_is_not()
    {
        var asText = KeyFormatDetector.Detect(_set.Pkcs8, KeyOrigin.Text());
        Assert.Equal(KeyFormat.NotAKey, asText.Format);
        Assert.Contains("path of a file", asText.Problem);

        var inFile = KeyFormatDetector.Detect(Encoding.UTF8.GetBytes(_set.Pkcs8), KeyOrigin.Named("key file"));
        Assert.Equal(KeyFormat.NotAKey, inFile.Format);
        Assert.DoesNotContain("path of a file", inFile.Problem);
    }

    [Fact]
    public void Pem_taken_as_it_is_does_not_unwrap_base64()
    {
        var base64 = Convert.ToBase64String(File.ReadAllBytes(_set.Pkcs8));
        Assert.Equal(KeyFormat.Pkcs8PrivateKey, KeyFormatDetector.Detect(base64, KeyOrigin.Text()).Format);

        var asPem = KeyFormatDetector.DetectPem(base64, KeyOrigin.Text());
        Assert.Equal(KeyFormat.NotAKey, asPem.Format);
        Assert.Contains("no PEM block", asPem.Problem);
    }

    private string PathOf(string property) => _set.PathOf(property);
}
