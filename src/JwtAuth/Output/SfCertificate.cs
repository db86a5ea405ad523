using System;

namespace JwtAuth
{
    /// <summary>What New-SfCertificate made: the files and the certificate's identity.</summary>
    public sealed class SfCertificate
    {
        public string Thumbprint { get; set; } = string.Empty;
        public string Subject { get; set; } = string.Empty;
        public DateTime NotBefore { get; set; }
        public DateTime NotAfter { get; set; }
        public int KeySize { get; set; }
        public string KeyPath { get; set; } = string.Empty;
        public string CertificatePath { get; set; } = string.Empty;
        public string? PfxPath { get; set; }

        /// <summary>The store path the pair was imported into (Windows, with -CertStoreLocation), e.g. Cert:\CurrentUser\My\THUMBPRINT.</summary>
        public string? CertStorePath { get; set; }

        public override string ToString() => CertificatePath;
    }
}
