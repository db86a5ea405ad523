using System.Security.Cryptography;
using JwtAuth.Core.Keys;

namespace JwtAuth.Core.Tests.Keys;

/// <summary>
/// RsaKeyWriter against .NET's own PEM/PKCS#8 APIs: DER is deterministic, so what we write must equal what the
/// framework writes byte for byte, and the framework must read it back to identical parameters.
/// </summary>
public class RsaKeyWriterTests : IClassFixture<FrameworkRsaKeys>
{
    private readonly FrameworkRsaKeys _keys;

    public RsaKeyWriterTests(FrameworkRsaKeys keys) => _keys = keys;

    [Fact]
    public void Writes_minimal_integers_when_parameters_carry_leading_zero_bytes()
    {
        // The framework pads D, DP, DQ and InverseQ to fixed lengths; about one key in 256 starts one of them with 0x00.
        var rsa = _keys.Rsa2048;
        var parameters = rsa.ExportParameters(true);
        var padded = parameters;
        padded.D = Pad(parameters.D!);
        padded.DP = Pad(parameters.DP!);
        padded.DQ = Pad(parameters.DQ!);
        padded.InverseQ = Pad(parameters.InverseQ!);

        Assert.Equal(rsa.ExportRSAPrivateKey(), RsaKeyWriter.WritePkcs1PrivateKey(padded));
        Assert.Equal(rsa.ExportPkcs8PrivateKey(), RsaKeyWriter.WritePkcs8PrivateKey(padded));

        static byte[] Pad(byte[] value) => new byte[] { 0, 0 }.Concat(value).ToArray();
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(3072)]
    public void Writes_the_same_der_as_the_framework(int bits)
    {
        var rsa = _keys.Of(bits);
        var parameters = rsa.ExportParameters(true);

        Assert.Equal(rsa.ExportRSAPrivateKey(), RsaKeyWriter.WritePkcs1PrivateKey(parameters));
        Assert.Equal(rsa.ExportPkcs8PrivateKey(), RsaKeyWriter.WritePkcs8PrivateKey(parameters));
        Assert.Equal(rsa.ExportSubjectPublicKeyInfo(), RsaKeyWriter.WriteSubjectPublicKeyInfo(parameters));
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(3072)]
    public void Writes_the_same_pem_as_the_framework(int bits)
    {
        var rsa = _keys.Of(bits);
        var parameters = rsa.ExportParameters(true);

        Assert.Equal(rsa.ExportPkcs8PrivateKeyPem().TrimEnd(), RsaKeyWriter.ExportPem(parameters, PrivateKeyFormat.Pkcs8).TrimEnd());
        Assert.Equal(rsa.ExportRSAPrivateKeyPem().TrimEnd(), RsaKeyWriter.ExportPem(parameters, PrivateKeyFormat.Pkcs1).TrimEnd());
        Assert.Equal(rsa.ExportSubjectPublicKeyInfoPem().TrimEnd(), RsaKeyWriter.ExportPublicKeyPem(parameters).TrimEnd());
    }

    [Fact]
    public void Key_parts_with_leading_zero_bytes_are_written_minimally_like_the_framework()
    {
        // About one key in 40 has a CRT part or D whose padded form starts with 0x00; small keys find one fast.
        using var rsa = Enumerable.Range(0, 5000).Select(_ => RSA.Create(512))
            .First(candidate => HasLeadingZero(candidate.ExportParameters(true)));
        var parameters = rsa.ExportParameters(true);

        Assert.Equal(rsa.ExportRSAPrivateKey(), RsaKeyWriter.WritePkcs1PrivateKey(parameters));
        Assert.Equal(rsa.ExportPkcs8PrivateKey(), RsaKeyWriter.WritePkcs8PrivateKey(parameters));
        FrameworkRsaKeys.AssertSameKey(parameters, RsaKeyReader.ReadPkcs1PrivateKey(rsa.ExportRSAPrivateKey()));
        using var strict = RSA.Create();
        strict.ImportPkcs8PrivateKey(RsaKeyWriter.WritePkcs8PrivateKey(parameters), out _);
        FrameworkRsaKeys.AssertSameKey(parameters, strict.ExportParameters(true));
    }

    [Fact]
    public void Many_random_keys_of_uneven_sizes_round_trip_both_ways()
    {
        // Small keys of every size from 512 to 768 bits in steps of 8: odd byte lengths and short parts included.
        for (var i = 0; i < 130; i++)
        {
            using var rsa = RSA.Create(512 + 8 * (i % 33));
            var parameters = rsa.ExportParameters(true);

            Assert.Equal(rsa.ExportPkcs8PrivateKey(), RsaKeyWriter.WritePkcs8PrivateKey(parameters));
            FrameworkRsaKeys.AssertSameKey(parameters, RsaKeyReader.ReadPkcs8PrivateKey(rsa.ExportPkcs8PrivateKey()));
            using var back = RSA.Create();
            back.ImportRSAPrivateKey(RsaKeyWriter.WritePkcs1PrivateKey(parameters), out _);
            FrameworkRsaKeys.AssertSameKey(parameters, back.ExportParameters(true));
        }
    }

    private static bool HasLeadingZero(RSAParameters p) =>
        new[] { p.D!, p.P!, p.Q!, p.DP!, p.DQ!, p.InverseQ! }.Any(part => part[0] == 0);

    [Fact]
    public void Framework_reads_what_the_writer_writes()
    {
        var expected = _keys.Rsa2048.ExportParameters(true);

        using var fromPkcs1 = RSA.Create();
        fromPkcs1.ImportFromPem(RsaKeyWriter.ExportPem(expected, PrivateKeyFormat.Pkcs1));
        FrameworkRsaKeys.AssertSameKey(expected, fromPkcs1.ExportParameters(true));

        using var fromPkcs8 = RSA.Create();
        fromPkcs8.ImportFromPem(RsaKeyWriter.ExportPem(expected, PrivateKeyFormat.Pkcs8));
        FrameworkRsaKeys.AssertSameKey(expected, fromPkcs8.ExportParameters(true));

        using var fromEncrypted = RSA.Create();
        fromEncrypted.ImportFromEncryptedPem(RsaKeyWriter.ExportPem(expected, PrivateKeyFormat.Pkcs8, "pä ss:word", iterations: 1000), "pä ss:word");
        FrameworkRsaKeys.AssertSameKey(expected, fromEncrypted.ExportParameters(true));
    }

    [Fact]
    public void Encrypted_pkcs8_uses_aes256_and_pbkdf2_sha256_with_600000_iterations_by_default()
    {
        var der = RsaKeyWriter.WriteEncryptedPkcs8PrivateKey(_keys.Rsa2048.ExportParameters(true), "secret");
        var info = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        var pbes2 = info.ReadSequence();
        Assert.Equal("1.2.840.113549.1.5.13", pbes2.ReadObjectIdentifier());
        var parameters = pbes2.ReadSequence();
        var kdf = parameters.ReadSequence();
        Assert.Equal("1.2.840.113549.1.5.12", kdf.ReadObjectIdentifier());
        var kdfParameters = kdf.ReadSequence();
        Assert.Equal(16, kdfParameters.ReadOctetString().Length);
        Assert.True(kdfParameters.TryReadInt32(out var iterations));
        Assert.Equal(RsaKeyWriter.DefaultPbkdf2Iterations, iterations);
        Assert.Equal(600_000, iterations);
        Assert.Equal("1.2.840.113549.2.9", kdfParameters.ReadSequence().ReadObjectIdentifier());
        Assert.Equal("2.16.840.1.101.3.4.1.42", parameters.ReadSequence().ReadObjectIdentifier());
    }
}
