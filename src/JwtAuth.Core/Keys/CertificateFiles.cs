using System;

namespace JwtAuth.Core.Keys
{
    /// <summary>What <see cref="CertificateFileWriter"/> wrote: the files and the certificate's facts for the connected app.</summary>
    public sealed class CertificateFiles
    {
        /// <summary>Absolute path of the private key (owner-only).</summary>
        public string KeyPath { get; set; } = string.Empty;

        /// <summary>Absolute path of the certificate (PEM) to upload to the connected app.</summary>
        public string CertificatePath { get; set; } = string.Empty;

        /// <summary>Absolute path of the PFX (owner-only), when one was asked for.</summary>
        public string? PfxPath { get; set; }

        /// <summary>SHA-1 thumbprint, upper-case hex.</summary>
        public string Thumbprint { get; set; } = string.Empty;

        /// <summary>Subject distinguished name, e.g. <c>CN=My App</c>.</summary>
        public string Subject { get; set; } = string.Empty;

        /// <summary>Serial number, upper-case hex.</summary>
        public string SerialNumber { get; set; } = string.Empty;

        /// <summary>Start of validity (UTC).</summary>
        public DateTime NotBefore { get; set; }

        /// <summary>End of validity (UTC).</summary>
        public DateTime NotAfter { get; set; }

        /// <summary>RSA key size in bits.</summary>
        public int KeySize { get; set; }

        /// <summary>Format of the key file (<see cref="PrivateKeyFormat.Pkcs8"/> when encrypted).</summary>
        public PrivateKeyFormat KeyFormat { get; set; }

        /// <summary>True when the key file is encrypted PKCS#8.</summary>
        public bool KeyEncrypted { get; set; }
    }
}
