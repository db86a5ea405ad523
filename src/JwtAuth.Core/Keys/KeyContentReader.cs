using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Turns the bytes of a key file or the text of a secret into RSA parameters, or recognises a PFX for the
    /// caller to load. Every refusal says what was found instead (certificate, public key, EC key, ...).
    /// </summary>
    internal static class KeyContentReader
    {
        private static readonly string[] PrivateKeyLabels =
        {
            PemLabels.PrivateKey, PemLabels.RsaPrivateKey, PemLabels.EncryptedPrivateKey,
            PemLabels.EcPrivateKey, PemLabels.DsaPrivateKey, PemLabels.OpenSshPrivateKey,
        };

        /// <summary>Reads the private key out of PEM text; blocks that are not keys (a certificate beside it) are skipped.</summary>
        public static RSAParameters ReadPemText(string text, string? password, string source)
        {
            var blocks = Pem.ReadAll(text);
            if (blocks.Count == 0)
            {
                if (Pem.ContainsPem(text))
                    throw KeyErrors.Unreadable(source, "it has a -----BEGIN line without its matching -----END line (was the text cut off?)");
                throw KeyErrors.Unreadable(source, "it holds no PEM block (-----BEGIN ...-----)");
            }

            var key = blocks.FirstOrDefault(b => PrivateKeyLabels.Contains(b.Label));
            if (key == null) throw NotAKey(blocks, source);
            if (key.IsLegacyEncrypted) throw KeyErrors.LegacyEncryptedPem(source);
            if (key.Der == null)
                throw KeyErrors.Unreadable(source, $"the body of its {key.Label} block is not valid base64 (was the text changed or cut?)");

            switch (key.Label)
            {
                case PemLabels.PrivateKey: return RsaKeyReader.ReadPkcs8PrivateKey(key.Der, source);
                case PemLabels.RsaPrivateKey: return RsaKeyReader.ReadPkcs1PrivateKey(key.Der, source);
                case PemLabels.EncryptedPrivateKey: return RsaKeyReader.ReadEncryptedPkcs8PrivateKey(key.Der, password, source);
                case PemLabels.EcPrivateKey: throw KeyErrors.NotRsa(source, Oids.KeyTypeName(Oids.EcPublicKey));
                case PemLabels.DsaPrivateKey: throw KeyErrors.NotRsa(source, Oids.KeyTypeName(Oids.Dsa));
                default:
                    throw KeyErrors.Unreadable(source,
                        "it is in OpenSSH's own key format; convert a copy with 'ssh-keygen -p -m PKCS8 -f copy.key' (RSA keys only)");
            }
        }

        /// <summary>Reads a DER private key of any supported kind; a PFX must be handled by the caller.</summary>
        public static RSAParameters ReadDer(byte[] der, string? password, string source)
        {
            switch (DerKinds.Identify(der))
            {
                case DerKind.Pkcs1PrivateKey: return RsaKeyReader.ReadPkcs1PrivateKey(der, source);
                case DerKind.Pkcs8PrivateKey: return RsaKeyReader.ReadPkcs8PrivateKey(der, source);
                case DerKind.EncryptedPkcs8PrivateKey: return RsaKeyReader.ReadEncryptedPkcs8PrivateKey(der, password, source);
                case DerKind.EcPrivateKey: throw KeyErrors.NotRsa(source, Oids.KeyTypeName(Oids.EcPublicKey));
                case DerKind.DsaPrivateKey: throw KeyErrors.NotRsa(source, Oids.KeyTypeName(Oids.Dsa));
                case DerKind.SubjectPublicKeyInfo:
                case DerKind.Pkcs1PublicKey: throw KeyErrors.NotAPrivateKey(source, "a public key");
                case DerKind.Certificate: throw KeyErrors.NotAPrivateKey(source, "a certificate (DER)");
                case DerKind.Pfx: throw new InvalidOperationException("A PFX must be loaded as a certificate.");
                default: throw KeyErrors.Unreadable(source, "it is neither PEM text nor a DER key or PFX");
            }
        }

        /// <summary>True when the bytes are text that should be parsed as PEM (after a UTF-8 BOM, if any).</summary>
        public static bool TryDecodeText(byte[] bytes, out string text)
        {
            text = string.Empty;
            var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            var isUtf16 = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
            if (isUtf16)
            {
                // Windows PowerShell 5.1's Out-File and '>' write UTF-16; the key inside is still PEM.
                text = (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
                return true;
            }
            for (var i = offset; i < bytes.Length; i++)
            {
                var b = bytes[i];
                if (b == 0 || (b < 0x20 && b != '\r' && b != '\n' && b != '\t' && b != '\f' && b != '\v')) return false;
            }
            text = Encoding.UTF8.GetString(bytes, offset, bytes.Length - offset);
            return true;
        }

        private static KeyException NotAKey(IReadOnlyList<PemBlock> blocks, string source)
        {
            var labels = blocks.Select(b => b.Label).ToList();
            if (labels.Any(l => l == PemLabels.Certificate || l == PemLabels.X509Certificate || l == PemLabels.TrustedCertificate))
                return KeyErrors.NotAPrivateKey(source, "a certificate (BEGIN CERTIFICATE)");
            if (labels.Any(l => l == PemLabels.PublicKey || l == PemLabels.RsaPublicKey))
                return KeyErrors.NotAPrivateKey(source, "a public key (BEGIN PUBLIC KEY)");
            if (labels.Any(l => l == PemLabels.CertificateRequest || l == PemLabels.NewCertificateRequest))
                return KeyErrors.NotAPrivateKey(source, "a certificate signing request");
            return KeyErrors.Unreadable(source, "its PEM block (" + string.Join(", ", labels.Distinct()) + ") is not a private key");
        }
    }
}
