namespace JwtAuth.Core.Service
{
    /// <summary>What New-SfCertificate asks for.</summary>
    public sealed class CertificateCreationRequest
    {
        public string Directory { get; set; } = ".";
        public string BaseName { get; set; } = "server";
        public string CommonName { get; set; } = "JwtAuth Salesforce JWT";
        public int ValidDays { get; set; } = 365;
        public int KeySize { get; set; } = 2048;
        public bool Pkcs1 { get; set; }
        public string? KeyPassword { get; set; }
        public string? PfxPassword { get; set; }
        public bool Force { get; set; }

        /// <summary>Windows only: Cert:\CurrentUser\My or Cert:\LocalMachine\My.</summary>
        public string? CertStoreLocation { get; set; }
    }
}
