using System.Security.Cryptography;

namespace JwtAuth.Core.Tests.Keys;

/// <summary>Keys made by the framework, shared by a test class; and the comparison the reader and writer tests use.</summary>
public sealed class FrameworkRsaKeys : IDisposable
{
    public RSA Rsa2048 { get; } = RSA.Create(2048);
    public RSA Rsa3072 { get; } = RSA.Create(3072);

    public RSA Of(int bits) => bits == 3072 ? Rsa3072 : Rsa2048;

    public void Dispose() { Rsa2048.Dispose(); Rsa3072.Dispose(); }

    public static void AssertSameKey(RSAParameters expected, RSAParameters actual)
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
