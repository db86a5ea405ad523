using System;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// <see cref="KeyFormatDetector"/>'s answer for one key input: its format, the DER that holds it, and the
    /// description errors use (it says when the input was base64, e.g. "key text (base64)").
    /// </summary>
    internal sealed class KeyContent
    {
        private KeyContent(KeyFormat format, byte[]? der, KeyOrigin origin, bool isPem, string? problem)
        {
            Format = format;
            Der = der;
            Origin = origin;
            IsPem = isPem;
            Problem = problem;
        }

        public KeyFormat Format { get; }

        /// <summary>
        /// The DER the input holds: a PEM block's body, decoded base64, or the bytes themselves. Null for an empty
        /// input, for input that is not a key, and for PEM that is refused by its label alone.
        /// </summary>
        public byte[]? Der { get; }

        /// <summary>e.g. "key file /abs/server.key" or "key text (base64)"; never content.</summary>
        public KeyOrigin Origin { get; }

        /// <summary>True when the input was PEM armor (errors then name its BEGIN line).</summary>
        public bool IsPem { get; }

        /// <summary>For <see cref="KeyFormat.NotAKey"/>: what is wrong, completing "cannot be read as an RSA private key: ...".</summary>
        public string? Problem { get; }

        public static KeyContent FromDer(KeyFormat format, byte[] der, KeyOrigin origin) => new KeyContent(format, der, origin, false, null);

        public static KeyContent FromPem(KeyFormat format, byte[]? der, KeyOrigin origin) => new KeyContent(format, der, origin, true, null);

        public static KeyContent Empty(KeyOrigin origin) => new KeyContent(KeyFormat.Empty, null, origin, false, null);

        public static KeyContent NotAKey(KeyOrigin origin, string problem) => new KeyContent(KeyFormat.NotAKey, null, origin, false, problem);

        /// <summary>Overwrites the DER once it has been read: it may be a private key.</summary>
        public void Clear()
        {
            if (Der != null) Array.Clear(Der, 0, Der.Length);
        }
    }
}
