using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MockSalesforce.Model;

/// <summary>A connected app with "Use digital signatures": its consumer key and the uploaded certificate.</summary>
public sealed class ConnectedApp
{
    internal ConnectedApp(string consumerKey, X509Certificate2 certificate, string scope)
    {
        if (string.IsNullOrWhiteSpace(consumerKey)) throw new ArgumentException("A connected app needs a consumer key.", nameof(consumerKey));
        using var publicKey = certificate.GetRSAPublicKey()
            ?? throw new ArgumentException("The connected app certificate must hold an RSA public key.", nameof(certificate));
        ConsumerKey = consumerKey;
        Certificate = certificate;
        PublicKeyParameters = publicKey.ExportParameters(false);
        Scope = scope;
        ConsumerSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>The consumer key (client id) the assertion's <c>iss</c> must name.</summary>
    public string ConsumerKey { get; }

    /// <summary>The uploaded certificate; only its public key is used.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The scopes granted in token responses, space separated.</summary>
    public string Scope { get; }

    /// <summary>The consumer secret that keys the <c>signature</c> field of token responses.</summary>
    internal string ConsumerSecret { get; }

    internal RSAParameters PublicKeyParameters { get; }

    /// <summary>
    /// True for an External Client App rather than a connected app: scratch org signup cannot copy it into the
    /// new org, so a ScratchOrgInfo naming it ends in Error C-1016 (forcedotcom/cli #3515).
    /// </summary>
    public bool IsExternalClientApp { get; set; }

    /// <summary>Reads a certificate from PEM text (the "-----BEGIN CERTIFICATE-----" block).</summary>
    public static X509Certificate2 CertificateFromPem(string certificatePem)
    {
        if (!certificatePem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            throw new ArgumentException("Expected a PEM certificate (-----BEGIN CERTIFICATE-----).", nameof(certificatePem));
        return X509Certificate2.CreateFromPem(certificatePem);
    }

    /// <inheritdoc />
    public override string ToString() => $"ConnectedApp {ConsumerKey}";
}
