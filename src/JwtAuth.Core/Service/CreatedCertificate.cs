using System;

namespace JwtAuth.Core.Service
{
    /// <summary>The files and identity of a certificate New-SfCertificate made.</summary>
    public sealed class CreatedCertificate
    {
        public string Thumbprint { get; set; } = string.Empty;
        public string Subject { get; set; } = string.Empty;
        public DateTime NotBefore { get; set; }
        public DateTime NotAfter { get; set; }
        public int KeySize { get; set; }
        public string KeyPath { get; set; } = string.Empty;
        public string CertificatePath { get; set; } = string.Empty;
        public string? PfxPath { get; set; }
        public string? CertStorePath { get; set; }
    }
}
