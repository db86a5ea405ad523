using System;
using System.Security.Cryptography;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Turns the bytes of a key file or the text of a secret into RSA parameters or a PFX's certificate:
    /// <see cref="KeyFormatDetector"/> says what the input is, and this reads it with the matching reader or
    /// refuses it with an error that says what was found instead (certificate, public key, EC key, ...).
    /// </summary>
    internal static class KeyDecoder
    {
        public static DecodedKey Decode(byte[] fileBytes, string? password, KeyOrigin origin) =>
            Decode(KeyFormatDetector.Detect(fileBytes, origin), password);

        public static DecodedKey Decode(string text, string? password, KeyOrigin origin) =>
            Decode(KeyFormatDetector.Detect(text, origin), password);

        /// <summary>Reads the private key out of PEM text; blocks that are not keys (a certificate beside it) are skipped.</summary>
        public static RSAParameters DecodePem(string text, string? password, KeyOrigin origin)
        {
            var content = KeyFormatDetector.DetectPem(text, origin);
            try
            {
                return ReadPrivateKey(content, password);
            }
            finally
            {
                content.Clear();
            }
        }

        private static DecodedKey Decode(KeyContent content, string? password)
        {
            try
            {
                if (content.Format == KeyFormat.Pfx) return new DecodedKey(PfxReader.Open(content.Der!, password, content.Origin), content.Origin);
                var passwordNotNeeded = password != null && content.Format != KeyFormat.EncryptedPkcs8PrivateKey;
                return new DecodedKey(ReadPrivateKey(content, password), content.Origin, passwordNotNeeded);
            }
            finally
            {
                content.Clear();
            }
        }

        private static RSAParameters ReadPrivateKey(KeyContent content, string? password)
        {
            var origin = content.Origin;
            switch (content.Format)
            {
                case KeyFormat.Pkcs1PrivateKey: return RsaKeyReader.ReadPkcs1PrivateKey(content.Der!, origin);
                case KeyFormat.Pkcs8PrivateKey: return RsaKeyReader.ReadPkcs8PrivateKey(content.Der!, origin);
                case KeyFormat.EncryptedPkcs8PrivateKey: return RsaKeyReader.ReadEncryptedPkcs8PrivateKey(content.Der!, password, origin);
                case KeyFormat.EcPrivateKey: throw KeyErrors.NotRsa(origin, Oids.KeyTypeName(Oids.EcPublicKey));
                case KeyFormat.DsaPrivateKey: throw KeyErrors.NotRsa(origin, Oids.KeyTypeName(Oids.Dsa));
                case KeyFormat.LegacyEncryptedPem: throw KeyErrors.LegacyEncryptedPem(origin);
                case KeyFormat.OpenSshPrivateKey:
                    throw KeyErrors.Unreadable(origin,
                        "it is in OpenSSH's own key format; convert a copy with 'ssh-keygen -p -m PKCS8 -f copy.key' (RSA keys only)");
                case KeyFormat.Certificate:
                    throw KeyErrors.NotAPrivateKey(origin, content.IsPem ? "a certificate (BEGIN CERTIFICATE)" : "a certificate (DER)");
                case KeyFormat.PublicKey:
                    throw KeyErrors.NotAPrivateKey(origin, content.IsPem ? "a public key (BEGIN PUBLIC KEY)" : "a public key");
                case KeyFormat.CertificateRequest: throw KeyErrors.NotAPrivateKey(origin, "a certificate signing request");
                case KeyFormat.Empty: throw KeyErrors.Empty(origin);
                case KeyFormat.NotAKey: throw KeyErrors.Unreadable(origin, content.Problem!);
                default: throw new InvalidOperationException("A " + content.Format + " is not read as a bare key.");
            }
        }
    }
}
