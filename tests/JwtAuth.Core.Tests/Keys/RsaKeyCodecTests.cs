using System.Security.Cryptography;
using JwtAuth.Core.Keys;

namespace JwtAuth.Core.Tests.Keys;

/// <summary>
/// The codec against .NET's own PEM/PKCS#8 APIs: DER is deterministic, so what we write must equal what the
/// framework writes byte for byte, and each must read the other's output to identical parameters.
/// </summary>
public class RsaKeyCodecTests : IClassFixture<RsaKeyCodecTests.Keys>
{
    public sealed class Keys : IDisposable
    {
        public RSA Rsa2048 { get; } = RSA.Create(2048);
        public RSA Rsa3072 { get; } = RSA.Create(3072);
        public void Dispose() { Rsa2048.Dispose(); Rsa3072.Dispose(); }
    }

    private readonly Keys _keys;

    public RsaKeyCodecTests(Keys keys) => _keys = keys;

    private RSA Key(int bits) => bits == 3072 ? _keys.Rsa3072 : _keys.Rsa2048;

    [Fact]
    public void Writes_minimal_integers_when_parameters_carry_leading_zero_bytes()
    {
        // The framework pads D, DP, DQ and InverseQ to fixed lengths; about one key in 256 starts one of them with 0x00.
        var rsa = Key(2048);
        var parameters = rsa.ExportParameters(true);
        var padded = parameters;
        padded.D = Pad(parameters.D!);
        padded.DP = Pad(parameters.DP!);
        padded.DQ = Pad(parameters.DQ!);
        padded.InverseQ = Pad(parameters.InverseQ!);

        Assert.Equal(rsa.ExportRSAPrivateKey(), RsaKeyCodec.WritePkcs1PrivateKey(padded));
        Assert.Equal(rsa.ExportPkcs8PrivateKey(), RsaKeyCodec.WritePkcs8PrivateKey(padded));

        static byte[] Pad(byte[] value) => new byte[] { 0, 0 }.Concat(value).ToArray();
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(3072)]
    public void Writes_the_same_der_as_the_framework(int bits)
    {
        var rsa = Key(bits);
        var parameters = rsa.ExportParameters(true);

        Assert.Equal(rsa.ExportRSAPrivateKey(), RsaKeyCodec.WritePkcs1PrivateKey(parameters));
        Assert.Equal(rsa.ExportPkcs8PrivateKey(), RsaKeyCodec.WritePkcs8PrivateKey(parameters));
        Assert.Equal(rsa.ExportSubjectPublicKeyInfo(), RsaKeyCodec.WriteSubjectPublicKeyInfo(parameters));
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(3072)]
    public void Writes_the_same_pem_as_the_framework(int bits)
    {
        var rsa = Key(bits);
        var parameters = rsa.ExportParameters(true);

        Assert.Equal(rsa.ExportPkcs8PrivateKeyPem().TrimEnd(), RsaKeyCodec.ExportPem(parameters, PrivateKeyFormat.Pkcs8).TrimEnd());
        Assert.Equal(rsa.ExportRSAPrivateKeyPem().TrimEnd(), RsaKeyCodec.ExportPem(parameters, PrivateKeyFormat.Pkcs1).TrimEnd());
        Assert.Equal(rsa.ExportSubjectPublicKeyInfoPem().TrimEnd(), RsaKeyCodec.ExportPublicKeyPem(parameters).TrimEnd());
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(3072)]
    public void Reads_what_the_framework_writes_to_identical_parameters(int bits)
    {
        var rsa = Key(bits);
        var expected = rsa.ExportParameters(true);

        AssertSameKey(expected, RsaKeyCodec.ReadPkcs1PrivateKey(rsa.ExportRSAPrivateKey()));
        AssertSameKey(expected, RsaKeyCodec.ReadPkcs8PrivateKey(rsa.ExportPkcs8PrivateKey()));
        AssertSameKey(expected, RsaKeyCodec.ImportPem(rsa.ExportRSAPrivateKeyPem()));
        AssertSameKey(expected, RsaKeyCodec.ImportPem(rsa.ExportPkcs8PrivateKeyPem()));

        var publicOnly = RsaKeyCodec.ReadSubjectPublicKeyInfo(rsa.ExportSubjectPublicKeyInfo());
        Assert.Equal(expected.Modulus, publicOnly.Modulus);
        Assert.Equal(expected.Exponent, publicOnly.Exponent);
        Assert.Null(publicOnly.D);
    }

    [Fact]
    public void Key_parts_with_leading_zero_bytes_are_written_minimally_like_the_framework()
    {
        // About one key in 40 has a CRT part or D whose padded form starts with 0x00; small keys find one fast.
        using var rsa = Enumerable.Range(0, 5000).Select(_ => RSA.Create(512))
            .First(candidate => HasLeadingZero(candidate.ExportParameters(true)));
        var parameters = rsa.ExportParameters(true);

        Assert.Equal(rsa.ExportRSAPrivateKey(), RsaKeyCodec.WritePkcs1PrivateKey(parameters));
        Assert.Equal(rsa.ExportPkcs8PrivateKey(), RsaKeyCodec.WritePkcs8PrivateKey(parameters));
        AssertSameKey(parameters, RsaKeyCodec.ReadPkcs1PrivateKey(rsa.ExportRSAPrivateKey()));
        using var strict = RSA.Create();
        strict.ImportPkcs8PrivateKey(RsaKeyCodec.WritePkcs8PrivateKey(parameters), out _);
        AssertSameKey(parameters, strict.ExportParameters(true));
    }

    [Fact]
    public void Many_random_keys_of_uneven_sizes_round_trip_both_ways()
    {
        // Small keys of every size from 512 to 768 bits in steps of 8: odd byte lengths and short parts included.
        for (var i = 0; i < 130; i++)
        {
            using var rsa = RSA.Create(512 + 8 * (i % 33));
            var parameters = rsa.ExportParameters(true);

            Assert.Equal(rsa.ExportPkcs8PrivateKey(), RsaKeyCodec.WritePkcs8PrivateKey(parameters));
            AssertSameKey(parameters, RsaKeyCodec.ReadPkcs8PrivateKey(rsa.ExportPkcs8PrivateKey()));
            using var back = RSA.Create();
            back.ImportRSAPrivateKey(RsaKeyCodec.WritePkcs1PrivateKey(parameters), out _);
            AssertSameKey(parameters, back.ExportParameters(true));
        }
    }

    private static bool HasLeadingZero(RSAParameters p) =>
        new[] { p.D!, p.P!, p.Q!, p.DP!, p.DQ!, p.InverseQ! }.Any(part => part[0] == 0);

    [Fact]
    public void Framework_reads_what_the_codec_writes()
    {
        var expected = _keys.Rsa2048.ExportParameters(true);

        using var fromPkcs1 = RSA.Create();
        fromPkcs1.ImportFromPem(RsaKeyCodec.ExportPem(expected, PrivateKeyFormat.Pkcs1));
        AssertSameKey(expected, fromPkcs1.ExportParameters(true));

        using var fromPkcs8 = RSA.Create();
        fromPkcs8.ImportFromPem(RsaKeyCodec.ExportPem(expected, PrivateKeyFormat.Pkcs8));
        AssertSameKey(expected, fromPkcs8.ExportParameters(true));

        using var fromEncrypted = RSA.Create();
        fromEncrypted.ImportFromEncryptedPem(RsaKeyCodec.ExportPem(expected, PrivateKeyFormat.Pkcs8, "pä ss:word", iterations: 1000), "pä ss:word");
        AssertSameKey(expected, fromEncrypted.ExportParameters(true));
    }

    [Fact]
    public void Encrypted_pkcs8_uses_aes256_and_pbkdf2_sha256_with_600000_iterations_by_default()
    {
        var der = RsaKeyCodec.WriteEncryptedPkcs8PrivateKey(_keys.Rsa2048.ExportParameters(true), "secret");
        var info = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        var pbes2 = info.ReadSequence();
        Assert.Equal("1.2.840.113549.1.5.13", pbes2.ReadObjectIdentifier());
        var parameters = pbes2.ReadSequence();
        var kdf = parameters.ReadSequence();
        Assert.Equal("1.2.840.113549.1.5.12", kdf.ReadObjectIdentifier());
        var kdfParameters = kdf.ReadSequence();
        Assert.Equal(16, kdfParameters.ReadOctetString().Length);
        Assert.True(kdfParameters.TryReadInt32(out var iterations));
        Assert.Equal(RsaKeyCodec.DefaultPbkdf2Iterations, iterations);
        Assert.Equal(600_000, iterations);
        Assert.Equal("1.2.840.113549.2.9", kdfParameters.ReadSequence().ReadObjectIdentifier());
        Assert.Equal("2.16.840.1.101.3.4.1.42", parameters.ReadSequence().ReadObjectIdentifier());
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

        AssertSameKey(expected, RsaKeyCodec.ImportPem(pem, "correct horse"));
    }

    [Fact]
    public void Refuses_pkcs12_pbe_encrypted_keys_with_a_conversion_hint()
    {
        var pbe = new PbeParameters(PbeEncryptionAlgorithm.TripleDes3KeyPkcs12, HashAlgorithmName.SHA1, 2048);
        var pem = _keys.Rsa2048.ExportEncryptedPkcs8PrivateKeyPem("pw", pbe);

        var error = Assert.Throws<KeyException>(() => RsaKeyCodec.ImportPem(pem, "pw"));
        Assert.Equal(KeyErrorIds.KeyUnreadable, error.ErrorId);
        Assert.Contains("PKCS#12", error.Message);
        Assert.Contains("openssl pkcs8 -topk8 -v2 aes-256-cbc", error.Message);
    }

    [Fact]
    public void Encrypted_key_without_password_or_with_a_wrong_one_are_told_apart()
    {
        var pem = RsaKeyCodec.ExportPem(_keys.Rsa2048.ExportParameters(true), PrivateKeyFormat.Pkcs8, "right", iterations: 1000);

        Assert.Equal(KeyErrorIds.KeyPasswordRequired, Assert.Throws<KeyException>(() => RsaKeyCodec.ImportPem(pem)).ErrorId);
        for (var i = 0; i < 20; i++)
            Assert.Equal(KeyErrorIds.KeyPasswordIncorrect, Assert.Throws<KeyException>(() => RsaKeyCodec.ImportPem(pem, "wrong" + i)).ErrorId);
    }

    [Fact]
    public void A_damaged_key_is_unreadable_and_the_message_holds_no_key_material()
    {
        var der = _keys.Rsa2048.ExportPkcs8PrivateKey();
        var truncated = der.AsSpan(0, der.Length / 2).ToArray();
        var pem = new string(PemEncoding.Write("PRIVATE KEY", truncated));

        var error = Assert.Throws<KeyException>(() => RsaKeyCodec.ImportPem(pem));
        Assert.Equal(KeyErrorIds.KeyUnreadable, error.ErrorId);
        Assert.DoesNotContain(Convert.ToBase64String(truncated).Substring(40, 24), error.ToString());
    }

    internal static void AssertSameKey(RSAParameters expected, RSAParameters actual)
    {
        Assert.Equal(expected.Modulus, actual.Modulus);
        Assert.Equal(expected.Exponent, actual.Exponent);
        Assert.Equal(expected.D, actual.D);
        Assert.Equal(expected.P, actual.P);
        Assert.Equal(expected.Q, actual.Q);
        Assert.Equal(expected.DP, actual.DP);
        Assert.Equal(expected.DQ, actual.DQ);
        Assert.Equal(expected.InverseQ, actual.InverseQ);
    }
}
