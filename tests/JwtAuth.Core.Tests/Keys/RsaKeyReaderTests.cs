using System.Security.Cryptography;
using JwtAuth.Core.Keys;

namespace JwtAuth.Core.Tests.Keys;

/// <summary>
/// RsaKeyReader against .NET's own PEM/PKCS#8 APIs: what the framework writes must read to identical parameters,
/// and encrypted or damaged keys must fail with the ErrorId that tells the user what to do.
/// </summary>
public class RsaKeyReaderTests : IClassFixture<FrameworkRsaKeys>
{
    private readonly FrameworkRsaKeys _keys;

    public RsaKeyReaderTests(FrameworkRsaKeys keys) => _keys = keys;

    [Theory]
    [InlineData(2048)]
    [InlineData(3072)]
    public void Reads_what_the_framework_writes_to_identical_parameters(int bits)
    {
        var rsa = _keys.Of(bits);
        var expected = rsa.ExportParameters(true);

        FrameworkRsaKeys.AssertSameKey(expected, RsaKeyReader.ReadPkcs1PrivateKey(rsa.ExportRSAPrivateKey()));
        FrameworkRsaKeys.AssertSameKey(expected, RsaKeyReader.ReadPkcs8PrivateKey(rsa.ExportPkcs8PrivateKey()));
        FrameworkRsaKeys.AssertSameKey(expected, RsaKeyReader.ImportPem(rsa.ExportRSAPrivateKeyPem()));
        FrameworkRsaKeys.AssertSameKey(expected, RsaKeyReader.ImportPem(rsa.ExportPkcs8PrivateKeyPem()));

        var publicOnly = RsaKeyReader.ReadSubjectPublicKeyInfo(rsa.ExportSubjectPublicKeyInfo());
        Assert.Equal(expected.Modulus, publicOnly.Modulus);
        Assert.Equal(expected.Exponent, publicOnly.Exponent);
        Assert.Null(publicOnly.D);
    }

    public static TheoryData<string, string> FrameworkPbes2 => new()
    {
        { nameof(PbeEncryptionAlgorithm.Aes128Cbc), nameof(HashAlgorithmName.SHA1) },
        { nameof(PbeEncryptionAlgorithm.Aes128Cbc), nameof(HashAlgorithmName.SHA256) },
        { nameof(PbeEncryptionAlgorithm.Aes192Cbc), nameof(HashAlgorithmName.SHA384) },
        { nameof(PbeEncryptionAlgorithm.Aes256Cbc), nameof(HashAlgorithmName.SHA256) },
        { nameof(PbeEncryptionAlgorithm.Aes256Cbc), nameof(HashAlgorithmName.SHA512) },
    };

    [Theory]
    [MemberData(nameof(FrameworkPbes2))]
    public void Reads_framework_encrypted_pkcs8(string cipher, string hash)
    {
        var expected = _keys.Rsa2048.ExportParameters(true);
        var pbe = new PbeParameters(Enum.Parse<PbeEncryptionAlgorithm>(cipher), new HashAlgorithmName(hash), 2048);
        var pem = _keys.Rsa2048.ExportEncryptedPkcs8PrivateKeyPem("correct horse", pbe);

        FrameworkRsaKeys.AssertSameKey(expected, RsaKeyReader.ImportPem(pem, "correct horse"));
    }

    [Fact]
    public void Refuses_pkcs12_pbe_encrypted_keys_with_a_conversion_hint()
    {
        var pbe = new PbeParameters(PbeEncryptionAlgorithm.TripleDes3KeyPkcs12, HashAlgorithmName.SHA1, 2048);
        var pem = _keys.Rsa2048.ExportEncryptedPkcs8PrivateKeyPem("pw", pbe);

        var error = Assert.Throws<KeyException>(() => RsaKeyReader.ImportPem(pem, "pw"));
        Assert.Equal(KeyErrorIds.KeyUnreadable, error.ErrorId);
        Assert.Contains("PKCS#12", error.Message);
        Assert.Contains("openssl pkcs8 -topk8 -v2 aes-256-cbc", error.Message);
    }

    [Fact]
    public void Encrypted_key_without_password_or_with_a_wrong_one_are_told_apart()
    {
        var pem = RsaKeyWriter.ExportPem(_keys.Rsa2048.ExportParameters(true), PrivateKeyFormat.Pkcs8, "right", iterations: 1000);

        Assert.Equal(KeyErrorIds.KeyPasswordRequired, Assert.Throws<KeyException>(() => RsaKeyReader.ImportPem(pem)).ErrorId);
        for (var i = 0; i < 20; i++)
            Assert.Equal(KeyErrorIds.KeyPasswordIncorrect, Assert.Throws<KeyException>(() => RsaKeyReader.ImportPem(pem, "wrong" + i)).ErrorId);
    }

    [Fact]
    public void A_damaged_key_is_unreadable_and_the_message_holds_no_key_material()
    {
        var der = _keys.Rsa2048.ExportPkcs8PrivateKey();
        var truncated = der.AsSpan(0, der.Length / 2).ToArray();
        var pem = new string(PemEncoding.Write("PRIVATE KEY", truncated));

        var error = Assert.Throws<KeyException>(() => RsaKeyReader.ImportPem(pem));
        Assert.Equal(KeyErrorIds.KeyUnreadable, error.ErrorId);
        Assert.DoesNotContain(Convert.ToBase64String(truncated).Substring(40, 24), error.ToString());
    }
}
