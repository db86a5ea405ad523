namespace JwtAuth.Core.Keys
{
    /// <summary>What self-signed certificate to create for a connected app.</summary>
    public sealed class CertificateSpec
    {
        public const int DefaultValidDays = 365;
        public const int DefaultKeySize = 2048;

        /// <summary>The subject's common name (CN), e.g. the connected app's name; 1 to 64 characters, any text.</summary>
        public string CommonName { get; set; } = string.Empty;

        /// <summary>Days the certificate is valid from now (1 to 36500).</summary>
        public int ValidDays { get; set; } = DefaultValidDays;

        /// <summary>RSA key size: 2048, 3072 or 4096 bits.</summary>
        public int KeySize { get; set; } = DefaultKeySize;
    }
}
