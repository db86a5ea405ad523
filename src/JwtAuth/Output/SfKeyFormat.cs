namespace JwtAuth
{
    /// <summary>PEM layout of a private key file New-SfCertificate writes.</summary>
    public enum SfKeyFormat
    {
        /// <summary>"BEGIN PRIVATE KEY" (or "BEGIN ENCRYPTED PRIVATE KEY" with -KeyPassword): what OpenSSL 3 writes.</summary>
        Pkcs8,

        /// <summary>"BEGIN RSA PRIVATE KEY": what OpenSSL 1.x and older tools write.</summary>
        Pkcs1,
    }
}
