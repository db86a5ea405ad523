using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.Keys;

namespace JwtAuth.Core.Tests.Keys;

public class SelfSignedCertificateTests
{
    [Fact]
    public void Creates_a_v3_sha256_rsa_certificate_with_the_asked_properties()
    {
        var before = DateTime.UtcNow;
        using var certificate = SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = "JwtAuth Test", ValidDays = 30 });

        Assert.Equal(3, certificate.Version);
        Assert.Equal("1.2.840.113549.1.1.11", certificate.SignatureAlgorithm.Value);
        Assert.Equal("CN=JwtAuth Test", certificate.Subject);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        Assert.True(certificate.HasPrivateKey);
        using var rsa = certificate.GetRSAPrivateKey();
        Assert.Equal(2048, rsa!.KeySize);

        var notBefore = certificate.NotBefore.ToUniversalTime();
        Assert.InRange(notBefore, before.AddMinutes(-6), before.AddMinutes(-4));
        Assert.InRange(certificate.NotAfter.ToUniversalTime(), before.AddDays(30).AddMinutes(-1), DateTime.UtcNow.AddDays(30).AddSeconds(1));

        var serial = certificate.SerialNumberBytes.ToArray();
        Assert.Equal(16, serial.Length);
        Assert.Equal(0, serial[0] & 0x80);

        var constraints = Assert.Single(certificate.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.False(constraints.CertificateAuthority);
        Assert.True(constraints.Critical);
        var usage = Assert.Single(certificate.Extensions.OfType<X509KeyUsageExtension>());
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, usage.KeyUsages);
        var ski = Assert.Single(certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>());
        Assert.False(string.IsNullOrEmpty(ski.SubjectKeyIdentifier));
    }

    [Fact]
    public void Serial_numbers_differ_between_certificates()
    {
        using var first = SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = "a" });
        using var second = SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = "a" });
        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
    }

    [Theory]
    [InlineData(3072)]
    [InlineData(4096)]
    public void Larger_allowed_key_sizes_are_honoured(int bits)
    {
        using var certificate = SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = "big", KeySize = bits });
        using var rsa = certificate.GetRSAPublicKey();
        Assert.Equal(bits, rsa!.KeySize);
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(2047)]
    [InlineData(8192)]
    [InlineData(0)]
    public void Other_key_sizes_are_refused(int bits)
    {
        var error = Assert.Throws<KeyException>(() => SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = "x", KeySize = bits }));
        Assert.Equal(KeyErrorIds.InvalidKeySize, error.ErrorId);
        Assert.Contains("2048", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\tname")]
    [InlineData("this name is far too long for the common name attribute of a certificate, really")]
    public void Bad_common_names_are_refused(string name)
    {
        var error = Assert.Throws<KeyException>(() => SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = name }));
        Assert.Equal(KeyErrorIds.InvalidCommonName, error.ErrorId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(36501)]
    public void Bad_lifetimes_are_refused(int days)
    {
        var error = Assert.Throws<KeyException>(() => SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = "x", ValidDays = days }));
        Assert.Equal(KeyErrorIds.InvalidValidity, error.ErrorId);
    }

    [Theory]
    [InlineData("Acme, Inc. + Partners")]
    [InlineData("O=Evil, CN=admin")]
    [InlineData("quote\"d \\ back=slash;semi")]
    [InlineData("Ünïcödé 日本")]
    public void Special_characters_stay_inside_the_single_common_name(string name)
    {
        using var certificate = SelfSignedCertificateFactory.Create(new CertificateSpec { CommonName = name });

        var rdns = ReadRdns(certificate.SubjectName.RawData);
        var (oid, value) = Assert.Single(rdns);
        Assert.Equal("2.5.4.3", oid);
        Assert.Equal(name, value);
    }

    private static List<(string Oid, string Value)> ReadRdns(byte[] der)
    {
        var result = new List<(string, string)>();
        var name = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        while (name.HasData)
        {
            var set = name.ReadSetOf();
            while (set.HasData)
            {
                var attribute = set.ReadSequence();
                result.Add((attribute.ReadObjectIdentifier(), attribute.ReadCharacterString(System.Formats.Asn1.UniversalTagNumber.UTF8String)));
            }
        }
        return result;
    }
}
