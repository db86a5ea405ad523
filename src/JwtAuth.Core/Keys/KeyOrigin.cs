using System.Security.Cryptography.X509Certificates;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Where a key input came from: what messages call it ("key file /abs/server.key", "key text (base64)") and what
    /// an error about it targets: the file's path, or the certificate's thumbprint. Key text has no target, so an
    /// error about it never carries the text.
    /// </summary>
    internal sealed class KeyOrigin
    {
        private KeyOrigin(string description, string? target, string? targetKind)
        {
            Description = description;
            Target = target;
            TargetKind = targetKind;
        }

        /// <summary>e.g. "key file /abs/server.key"; never content.</summary>
        public string Description { get; }

        /// <summary>The path or thumbprint errors about this key target; null for key text.</summary>
        public string? Target { get; }

        /// <summary>What <see cref="Target"/> is, e.g. "key file".</summary>
        public string? TargetKind { get; }

        public static KeyOrigin File(string fullPath) => new KeyOrigin("key file " + fullPath, fullPath, KeyTargetKinds.KeyFile);

        public static KeyOrigin Text() => new KeyOrigin("key text", null, null);

        /// <param name="store">The store it was found in (e.g. "CurrentUser\My"), or null for a certificate object.</param>
        public static KeyOrigin Certificate(X509Certificate2 certificate, string? store = null) => new KeyOrigin(
            "certificate " + certificate.Subject + ", thumbprint " + certificate.Thumbprint + (store is null ? string.Empty : " in " + store),
            certificate.Thumbprint, KeyTargetKinds.Thumbprint);

        /// <summary>Bytes handed to a reader directly (the public RsaKeyReader API): a name, nothing to target.</summary>
        public static KeyOrigin Named(string description) => new KeyOrigin(description, null, null);

        /// <summary>The same origin, saying how its content was wrapped, e.g. "key text (base64)".</summary>
        public KeyOrigin Encoded(string encoding) => new KeyOrigin(Description + " (" + encoding + ")", Target, TargetKind);

        public override string ToString() => Description;
    }

    /// <summary>The words a key error's CategoryInfo uses for what its target is.</summary>
    internal static class KeyTargetKinds
    {
        public const string KeyFile = "key file";
        public const string Thumbprint = "thumbprint";
        public const string Path = "path";
        public const string FileName = "file name";
        public const string Value = "value";
    }
}
