using System;

namespace JwtAuth.Core.Model
{
    /// <summary>
    /// Where the signing key lives, so a token can be renewed later without asking again.
    /// Never the key itself. A key given as in-memory text has no reference (Kind = None).
    /// </summary>
    public sealed class KeyReference
    {
        public KeyReferenceKind Kind { get; set; }

        /// <summary>Absolute path of a PEM or PFX key file (Kind = File).</summary>
        public string? KeyFile { get; set; }

        /// <summary>Certificate thumbprint (Kind = CertificateStore).</summary>
        public string? CertificateThumbprint { get; set; }

        /// <summary>Store the thumbprint was found in, e.g. <c>CurrentUser\My</c>.</summary>
        public string? CertificateStore { get; set; }

        public bool IsRenewable => Kind != KeyReferenceKind.None;

        public static KeyReference None() => new KeyReference { Kind = KeyReferenceKind.None };

        public static KeyReference File(string absolutePath) =>
            new KeyReference { Kind = KeyReferenceKind.File, KeyFile = absolutePath ?? throw new ArgumentNullException(nameof(absolutePath)) };

        public static KeyReference Store(string thumbprint, string store) =>
            new KeyReference { Kind = KeyReferenceKind.CertificateStore, CertificateThumbprint = thumbprint, CertificateStore = store };

        public override string ToString() => Kind switch
        {
            KeyReferenceKind.File => KeyFile ?? string.Empty,
            KeyReferenceKind.CertificateStore => $"Cert:\\{CertificateStore}\\{CertificateThumbprint}",
            _ => "(in-memory key, not renewable)",
        };
    }

    public enum KeyReferenceKind
    {
        None,
        File,
        CertificateStore,
    }
}
