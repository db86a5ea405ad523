using JwtAuth.Core.Keys;

namespace JwtAuth.Core.Service
{
    /// <summary>What New-SfCertificate made: the files, and where the pair went in the Windows store when asked.</summary>
    public sealed class CreatedCertificate
    {
        public CreatedCertificate(CertificateFiles files, string? certStorePath)
        {
            Files = files;
            CertStorePath = certStorePath;
        }

        public CertificateFiles Files { get; }

        /// <summary>e.g. Cert:\CurrentUser\My\THUMBPRINT, or null.</summary>
        public string? CertStorePath { get; }
    }
}
