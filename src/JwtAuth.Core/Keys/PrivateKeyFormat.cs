namespace JwtAuth.Core.Keys
{
    /// <summary>How an unencrypted private key is written; an encrypted key is always PKCS#8.</summary>
    public enum PrivateKeyFormat
    {
        /// <summary><c>BEGIN PRIVATE KEY</c>: what OpenSSL 3 and the Salesforce CLI docs produce.</summary>
        Pkcs8,

        /// <summary><c>BEGIN RSA PRIVATE KEY</c>: what OpenSSL 1.x <c>genrsa</c> wrote; for older tools.</summary>
        Pkcs1,
    }
}
