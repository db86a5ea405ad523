using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace JwtAuth.Core.Keys
{
    /// <summary>What <see cref="KeyDecoder"/> made of a key input: RSA parameters, or the certificate with its key from a PFX.</summary>
    internal sealed class DecodedKey
    {
        public DecodedKey(RSAParameters parameters, string source)
        {
            Parameters = parameters;
            Source = source;
        }

        public DecodedKey(X509Certificate2 pfxCertificate, string source)
        {
            PfxCertificate = pfxCertificate;
            Source = source;
        }

        /// <summary>The private key; unset when the input was a PFX.</summary>
        public RSAParameters Parameters { get; }

        /// <summary>The PFX's certificate that holds the private key; the receiver owns it. Null for a bare key.</summary>
        public X509Certificate2? PfxCertificate { get; }

        /// <summary>Where it came from, for descriptions and errors (e.g. "key text (base64)").</summary>
        public string Source { get; }
    }
}
