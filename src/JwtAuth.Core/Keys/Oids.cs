namespace JwtAuth.Core.Keys
{
    /// <summary>Object identifiers of the key, encryption and PKCS#12 structures the codec reads and writes.</summary>
    internal static class Oids
    {
        public const string Rsa = "1.2.840.113549.1.1.1";
        public const string RsaPss = "1.2.840.113549.1.1.10";
        public const string EcPublicKey = "1.2.840.10045.2.1";
        public const string Dsa = "1.2.840.10040.4.1";
        public const string DiffieHellman = "1.2.840.10046.2.1";
        public const string DhKeyAgreement = "1.2.840.113549.1.3.1";
        public const string X25519 = "1.3.101.110";
        public const string X448 = "1.3.101.111";
        public const string Ed25519 = "1.3.101.112";
        public const string Ed448 = "1.3.101.113";

        public const string Pbes2 = "1.2.840.113549.1.5.13";
        public const string Pbkdf2 = "1.2.840.113549.1.5.12";
        public const string HmacWithSha1 = "1.2.840.113549.2.7";
        public const string HmacWithSha256 = "1.2.840.113549.2.9";
        public const string HmacWithSha384 = "1.2.840.113549.2.10";
        public const string HmacWithSha512 = "1.2.840.113549.2.11";
        public const string Aes128Cbc = "2.16.840.1.101.3.4.1.2";
        public const string Aes192Cbc = "2.16.840.1.101.3.4.1.22";
        public const string Aes256Cbc = "2.16.840.1.101.3.4.1.42";
        public const string DesEde3Cbc = "1.2.840.113549.3.7";

        public const string Sha1 = "1.3.14.3.2.26";
        public const string Sha256 = "2.16.840.1.101.3.4.2.1";
        public const string Sha384 = "2.16.840.1.101.3.4.2.2";
        public const string Sha512 = "2.16.840.1.101.3.4.2.3";

        public const string Pkcs7Data = "1.2.840.113549.1.7.1";
        public const string Pkcs7SignedData = "1.2.840.113549.1.7.2";
        public const string Pkcs7EncryptedData = "1.2.840.113549.1.7.6";
        public const string Pkcs12ShroudedKeyBag = "1.2.840.113549.1.12.10.1.2";
        public const string Pkcs12CertBag = "1.2.840.113549.1.12.10.1.3";
        public const string X509CertificateInBag = "1.2.840.113549.1.9.22.1";
        public const string LocalKeyId = "1.2.840.113549.1.9.21";
        public const string FriendlyName = "1.2.840.113549.1.9.20";

        public const string CommonName = "2.5.4.3";

        /// <summary>A readable name for a non-RSA key algorithm, for error messages.</summary>
        public static string KeyTypeName(string oid) => oid switch
        {
            EcPublicKey => "EC (elliptic curve)",
            Dsa => "DSA",
            DiffieHellman or DhKeyAgreement => "DH",
            X25519 => "X25519",
            X448 => "X448",
            Ed25519 => "Ed25519",
            Ed448 => "Ed448",
            RsaPss => "RSA-PSS (restricted to PSS signatures)",
            _ => "unknown (" + oid + ")",
        };
    }
}
