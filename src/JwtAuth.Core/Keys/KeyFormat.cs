namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// What a key input is, as <see cref="KeyFormatDetector"/> decides it once; everything after dispatches on it.
    /// Only the first four are read; the rest are refused with an error that says what was found instead.
    /// </summary>
    internal enum KeyFormat
    {
        /// <summary>PKCS#1 RSAPrivateKey (BEGIN RSA PRIVATE KEY, or its DER).</summary>
        Pkcs1PrivateKey,

        /// <summary>PKCS#8 PrivateKeyInfo (BEGIN PRIVATE KEY, or its DER), of any key type.</summary>
        Pkcs8PrivateKey,

        /// <summary>PKCS#8 EncryptedPrivateKeyInfo (BEGIN ENCRYPTED PRIVATE KEY, or its DER).</summary>
        EncryptedPkcs8PrivateKey,

        /// <summary>PKCS#12 (.pfx/.p12): a certificate with its private key, opened with a password.</summary>
        Pfx,

        /// <summary>An X.509 certificate (PEM or DER).</summary>
        Certificate,

        /// <summary>A PKCS#10 certificate signing request.</summary>
        CertificateRequest,

        /// <summary>A SubjectPublicKeyInfo or PKCS#1 RSAPublicKey.</summary>
        PublicKey,

        /// <summary>SEC 1 ECPrivateKey (BEGIN EC PRIVATE KEY, or its DER).</summary>
        EcPrivateKey,

        /// <summary>OpenSSL's traditional DSA private key (BEGIN DSA PRIVATE KEY, or its DER).</summary>
        DsaPrivateKey,

        /// <summary>OpenSSH's own key format (BEGIN OPENSSH PRIVATE KEY).</summary>
        OpenSshPrivateKey,

        /// <summary>A PEM key with OpenSSL's old Proc-Type/DEK-Info encryption.</summary>
        LegacyEncryptedPem,

        /// <summary>Nothing at all: no bytes, or only whitespace.</summary>
        Empty,

        /// <summary>None of the above; <see cref="KeyContent.Problem"/> says why.</summary>
        NotAKey,
    }
}
