using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace JwtAuth.Core.Keys
{
    /// <summary>One PEM block: its label (e.g. "PRIVATE KEY"), its DER bytes, and its RFC 1421 headers if it had any.</summary>
    internal sealed class PemBlock
    {
        public PemBlock(string label, byte[]? der, string? headerText)
        {
            Label = label;
            Der = der;
            HeaderText = headerText;
        }

        public string Label { get; }

        /// <summary>The decoded body; null when the base64 was broken or the block had headers.</summary>
        public byte[]? Der { get; }

        /// <summary>
        /// The whole body when it holds "Name: value" headers (e.g. OpenSSL's old "Proc-Type: 4,ENCRYPTED"), else null.
        /// Whole, because a secret whose newlines became spaces no longer separates headers from the base64.
        /// </summary>
        public string? HeaderText { get; }
    }

    /// <summary>
    /// Reads and writes PEM armor. Reading is lenient on whitespace on purpose: CI secrets often arrive
    /// with CRLF, with their newlines turned into spaces, or indented, and the base64 body survives all of that.
    /// </summary>
    internal static class Pem
    {
        // The body may not run past another BEGIN line: without that, text with many BEGIN lines and no END
        // (a mangled secret, a huge file) made every BEGIN scan to the end of the text, quadratic in its length.
        private static readonly Regex BlockPattern = new Regex(
            @"-----BEGIN ([A-Z0-9 ]+?)-----((?:(?!-----BEGIN ).)*?)-----END \1-----",
            RegexOptions.Singleline | RegexOptions.CultureInvariant);

        public static IReadOnlyList<PemBlock> ReadAll(string text)
        {
            var blocks = new List<PemBlock>();
            foreach (Match match in BlockPattern.Matches(text))
            {
                var label = match.Groups[1].Value.Trim();
                var body = match.Groups[2].Value;
                var hasHeaders = body.IndexOf(':') >= 0;
                blocks.Add(hasHeaders ? new PemBlock(label, null, body) : new PemBlock(label, DecodeBody(body), null));
            }
            return blocks;
        }

        /// <summary>Base64 body to bytes, ignoring every kind of whitespace; null if it is not base64.</summary>
        private static byte[]? DecodeBody(string body)
        {
            var compact = new StringBuilder(body.Length);
            foreach (var c in body)
                if (!char.IsWhiteSpace(c)) compact.Append(c);
            if (compact.Length == 0) return null;
            try { return Convert.FromBase64String(compact.ToString()); }
            catch (FormatException) { return null; }
        }

        /// <summary>Writes one PEM block with 64-character lines and LF line ends, as OpenSSL does.</summary>
        public static string Write(string label, byte[] der)
        {
            var base64 = Convert.ToBase64String(der);
            var text = new StringBuilder(base64.Length + base64.Length / 64 + 2 * label.Length + 40);
            text.Append("-----BEGIN ").Append(label).Append("-----\n");
            for (var i = 0; i < base64.Length; i += 64)
                text.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
            text.Append("-----END ").Append(label).Append("-----\n");
            return text.ToString();
        }
    }
}
