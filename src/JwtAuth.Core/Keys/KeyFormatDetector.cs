using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Decides once what a key input is (files are recognised by content, never by extension): text or DER first,
    /// then for text its PEM block label or, failing that, base64 of a whole file; for DER its ASN.1 structure.
    /// Readers and error messages dispatch on the <see cref="KeyContent"/> this returns and never look again.
    /// Text and PEM are decided here, DER structures in KeyFormatDetector.Der.cs.
    /// </summary>
    internal static partial class KeyFormatDetector
    {
        private const string BeginLine = "-----BEGIN ";

        private static readonly string[] PrivateKeyLabels =
        {
            PemLabels.PrivateKey, PemLabels.RsaPrivateKey, PemLabels.EncryptedPrivateKey,
            PemLabels.EcPrivateKey, PemLabels.DsaPrivateKey, PemLabels.OpenSshPrivateKey,
        };

        /// <summary>The bytes of a key file: empty, text (UTF-8, or UTF-16 as Windows PowerShell 5.1 writes it), or DER.</summary>
        public static KeyContent Detect(byte[] bytes, KeyOrigin origin)
        {
            if (bytes.Length == 0) return KeyContent.Empty(origin);
            if (!TryDecodeText(bytes, out var text)) return FromDer(bytes, origin);
            if (string.IsNullOrWhiteSpace(text)) return KeyContent.Empty(origin);
            return FromText(text, origin, givenAsText: false);
        }

        /// <summary>Key text as a pipeline secret delivers it (the caller has refused empty text).</summary>
        public static KeyContent Detect(string text, KeyOrigin origin) => FromText(text, origin, givenAsText: true);

        /// <summary>PEM text taken as it is: no clean-up and no base64 of a whole file.</summary>
        public static KeyContent DetectPem(string text, KeyOrigin origin) => FromPem(text, origin);

        private static KeyContent FromText(string text, KeyOrigin origin, bool givenAsText)
        {
            var normalized = KeyTextNormalizer.Normalize(text);
            if (ContainsPem(normalized)) return FromPem(normalized, origin);

            var decoded = TryDecodeBase64(normalized);
            if (decoded == null)
                return KeyContent.NotAKey(origin, givenAsText && LooksLikeExistingFile(normalized)
                    ? "it is the path of a file, not the key itself; pass the path as the key file instead"
                    : "it holds no PEM block (-----BEGIN PRIVATE KEY-----) and is not base64 of a key or PFX");
            if (TryDecodeText(decoded, out var inner) && ContainsPem(inner))
            {
                Array.Clear(decoded, 0, decoded.Length);
                return FromPem(KeyTextNormalizer.Normalize(inner), origin.Encoded("base64 of PEM"));
            }
            return FromDer(decoded, origin.Encoded("base64"));
        }

        private static KeyContent FromPem(string text, KeyOrigin origin)
        {
            var blocks = Pem.ReadAll(text);
            if (blocks.Count == 0)
                return KeyContent.NotAKey(origin, ContainsPem(text)
                    ? "it has a -----BEGIN line without its matching -----END line (was the text cut off?)"
                    : "it holds no PEM block (-----BEGIN ...-----)");

            // A certificate beside the key (one file with both) is skipped.
            var key = blocks.FirstOrDefault(b => PrivateKeyLabels.Contains(b.Label));
            if (key == null) return FromBlocksWithoutKey(blocks, origin);
            if (IsLegacyEncrypted(key)) return KeyContent.FromPem(KeyFormat.LegacyEncryptedPem, null, origin);
            if (key.Der == null)
                return KeyContent.NotAKey(origin, $"the body of its {key.Label} block is not valid base64 (was the text changed or cut?)");

            var format = key.Label switch
            {
                PemLabels.PrivateKey => KeyFormat.Pkcs8PrivateKey,
                PemLabels.RsaPrivateKey => KeyFormat.Pkcs1PrivateKey,
                PemLabels.EncryptedPrivateKey => KeyFormat.EncryptedPkcs8PrivateKey,
                PemLabels.EcPrivateKey => KeyFormat.EcPrivateKey,
                PemLabels.DsaPrivateKey => KeyFormat.DsaPrivateKey,
                _ => KeyFormat.OpenSshPrivateKey,
            };
            return KeyContent.FromPem(format, key.Der, origin);
        }

        private static KeyContent FromBlocksWithoutKey(IReadOnlyList<PemBlock> blocks, KeyOrigin origin)
        {
            var labels = blocks.Select(b => b.Label).ToList();
            if (labels.Any(l => l == PemLabels.Certificate || l == PemLabels.X509Certificate || l == PemLabels.TrustedCertificate))
                return KeyContent.FromPem(KeyFormat.Certificate, null, origin);
            if (labels.Any(l => l == PemLabels.PublicKey || l == PemLabels.RsaPublicKey))
                return KeyContent.FromPem(KeyFormat.PublicKey, null, origin);
            if (labels.Any(l => l == PemLabels.CertificateRequest || l == PemLabels.NewCertificateRequest))
                return KeyContent.FromPem(KeyFormat.CertificateRequest, null, origin);
            return KeyContent.NotAKey(origin, "its PEM block (" + string.Join(", ", labels.Distinct()) + ") is not a private key");
        }

        // OpenSSL's "Proc-Type: 4,ENCRYPTED" with "DEK-Info:"; a key encrypted that way has no PKCS#8 form to read.
        private static bool IsLegacyEncrypted(PemBlock block) =>
            block.HeaderText != null
            && block.HeaderText.IndexOf("ENCRYPTED", StringComparison.OrdinalIgnoreCase) >= 0
            && block.HeaderText.IndexOf("Proc-Type", StringComparison.OrdinalIgnoreCase) >= 0;

        private static bool ContainsPem(string text) => text.IndexOf(BeginLine, StringComparison.Ordinal) >= 0;

        /// <summary>True when the bytes are text that should be parsed as PEM (after a UTF-8 BOM, if any).</summary>
        private static bool TryDecodeText(byte[] bytes, out string text)
        {
            text = string.Empty;
            var isUtf16 = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
            if (isUtf16)
            {
                // Windows PowerShell 5.1's Out-File and '>' write UTF-16; the key inside is still PEM.
                text = (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
                return true;
            }
            var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            for (var i = offset; i < bytes.Length; i++)
            {
                var b = bytes[i];
                if (b == 0 || (b < 0x20 && b != '\r' && b != '\n' && b != '\t' && b != '\f' && b != '\v')) return false;
            }
            text = Encoding.UTF8.GetString(bytes, offset, bytes.Length - offset);
            return true;
        }

        /// <summary>Decodes text that is base64 as a whole (e.g. a base64-encoded PEM file or PFX in a secret).</summary>
        private static byte[]? TryDecodeBase64(string text)
        {
            var compact = new StringBuilder(text.Length);
            foreach (var c in text)
                if (!char.IsWhiteSpace(c)) compact.Append(c);
            if (compact.Length < 16 || compact.Length % 4 != 0) return null;
            try { return Convert.FromBase64String(compact.ToString()); }
            catch (FormatException) { return null; }
        }

        private static bool LooksLikeExistingFile(string text)
        {
            if (text.Length > 1024 || text.IndexOf('\n') >= 0) return false;
            try { return File.Exists(text); }
            catch (ArgumentException) { return false; }
            catch (NotSupportedException) { return false; }
        }
    }
}
