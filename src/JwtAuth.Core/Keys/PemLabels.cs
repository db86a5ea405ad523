namespace JwtAuth.Core.Keys
{
    /// <summary>The PEM labels OpenSSL and .NET use for keys and certificates.</summary>
    internal static class PemLabels
    {
        public const string PrivateKey = "PRIVATE KEY";
        public const string RsaPrivateKey = "RSA PRIVATE KEY";
        public const string EncryptedPrivateKey = "ENCRYPTED PRIVATE KEY";
        public const string EcPrivateKey = "EC PRIVATE KEY";
        public const string DsaPrivateKey = "DSA PRIVATE KEY";
        public const string OpenSshPrivateKey = "OPENSSH PRIVATE KEY";
        public const string PublicKey = "PUBLIC KEY";
        public const string RsaPublicKey = "RSA PUBLIC KEY";
        public const string Certificate = "CERTIFICATE";
        public const string X509Certificate = "X509 CERTIFICATE";
        public const string TrustedCertificate = "TRUSTED CERTIFICATE";
        public const string CertificateRequest = "CERTIFICATE REQUEST";
        public const string NewCertificateRequest = "NEW CERTIFICATE REQUEST";
    }
}
