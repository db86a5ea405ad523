using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace JwtAuth.Core.Keys
{
    /// <summary>What <see cref="KeyDecoder"/> made of a key input: RSA parameters, or the certificate with its key from a PFX.</summary>
    internal sealed class DecodedKey
    {
        public DecodedKey(RSAParameters parameters, KeyOrigin origin, bool passwordNotNeeded)
        {
            Parameters = parameters;
            Origin = origin;
            PasswordNotNeeded = passwordNotNeeded;
        }

        public DecodedKey(X509Certificate2 pfxCertificate, KeyOrigin origin)
        {
            PfxCertificate = pfxCertificate;
            Origin = origin;
        }

        /// <summary>The private key; unset when the input was a PFX.</summary>
        public RSAParameters Parameters { get; }

        /// <summary>The PFX's certificate that holds the private key; the receiver owns it. Null for a bare key.</summary>
        public X509Certificate2? PfxCertificate { get; }

        /// <summary>Where it came from, for descriptions and errors (e.g. "key text (base64)").</summary>
        public KeyOrigin Origin { get; }

        /// <summary>A password was given but the key is not encrypted, so it was not used.</summary>
        public bool PasswordNotNeeded { get; }
    }
}
