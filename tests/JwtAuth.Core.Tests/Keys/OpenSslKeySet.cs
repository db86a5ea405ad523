namespace JwtAuth.Core.Tests.Keys;

/// <summary>
/// Keys and certificates in every format the openssl command line writes, made once per test class
/// in a temp folder (OpenSSL 3: genrsa writes PKCS#8; -traditional gives PKCS#1).
/// </summary>
public sealed class OpenSslKeySet : IDisposable
{
    public const string Password = "s3cret pw";
    private readonly TempFolder _folder = new();

    public OpenSslKeySet()
    {
        OpenSsl.Ok("genrsa", "-out", Pkcs8, "2048");
        OpenSsl.Ok("genrsa", "-traditional", "-out", Pkcs1, "2048");
        OpenSsl.Ok("req", "-new", "-x509", "-key", Pkcs8, "-subj", "/CN=openssl-made", "-days", "30", "-out", Certificate);
        OpenSsl.Ok("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", Pkcs8, "-out", EncryptedAes256, "-passout", "pass:" + Password);
        OpenSsl.Ok("pkcs8", "-topk8", "-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1", "-in", Pkcs8, "-out", EncryptedAes128Sha1, "-passout", "pass:" + Password);
        OpenSsl.Ok("pkcs8", "-topk8", "-v2", "des3", "-in", Pkcs8, "-out", EncryptedDes3, "-passout", "pass:" + Password);
        OpenSsl.Ok("pkcs8", "-topk8", "-nocrypt", "-outform", "DER", "-in", Pkcs8, "-out", Pkcs8Der);
        OpenSsl.Ok("rsa", "-in", Pkcs8, "-traditional", "-outform", "DER", "-out", Pkcs1Der);
        OpenSsl.Ok("pkcs12", "-export", "-inkey", Pkcs8, "-in", Certificate, "-out", Pfx, "-passout", "pass:" + Password);
        OpenSsl.Ok("pkcs12", "-export", "-inkey", Pkcs8, "-in", Certificate, "-out", PfxEmptyPassword, "-passout", "pass:");
        if (OpenSsl.SupportsLegacyProvider)
            OpenSsl.Ok("pkcs12", "-export", "-legacy", "-inkey", Pkcs8, "-in", Certificate, "-out", PfxLegacy, "-passout", "pass:" + Password);
        File.WriteAllText(CertificateAndKey, File.ReadAllText(Certificate) + File.ReadAllText(Pkcs8));

        OpenSsl.Ok("rsa", "-in", Pkcs8, "-pubout", "-out", PublicKey);
        OpenSsl.Ok("rsa", "-in", Pkcs8, "-RSAPublicKey_out", "-out", RsaPublicKey);
        OpenSsl.Ok("genrsa", "-out", Rsa1024, "1024");
        OpenSsl.Ok("ecparam", "-genkey", "-name", "prime256v1", "-out", EcTraditional);
        OpenSsl.Ok("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", EcPkcs8);
        OpenSsl.Ok("genpkey", "-algorithm", "ed25519", "-out", Ed25519);
        OpenSsl.Ok("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:1024", "-out", _folder.File("dsa.params"));
        OpenSsl.Ok("genpkey", "-paramfile", _folder.File("dsa.params"), "-out", DsaPkcs8);
        OpenSsl.Ok("pkey", "-in", DsaPkcs8, "-traditional", "-out", DsaTraditional);
        OpenSsl.Ok("rsa", "-in", Pkcs8, "-aes256", "-traditional", "-out", LegacyEncrypted, "-passout", "pass:" + Password);

        Modulus = Convert.FromHexString(OpenSsl.Modulus("rsa", Pkcs8).Substring("Modulus=".Length));
        Pkcs1Modulus = Convert.FromHexString(OpenSsl.Modulus("rsa", Pkcs1).Substring("Modulus=".Length));
    }

    public string Folder => _folder.Path;
    public string Pkcs8 => _folder.File("pkcs8.key");
    public string Pkcs1 => _folder.File("pkcs1.key");
    public string Certificate => _folder.File("cert.crt");
    public string EncryptedAes256 => _folder.File("enc-aes256.key");
    public string EncryptedAes128Sha1 => _folder.File("enc-aes128-sha1.key");
    public string EncryptedDes3 => _folder.File("enc-des3.key");
    public string Pkcs8Der => _folder.File("pkcs8.der");
    public string Pkcs1Der => _folder.File("pkcs1.der");
    public string Pfx => _folder.File("bundle.pfx");
    public string PfxEmptyPassword => _folder.File("empty-pw.p12");
    public string PfxLegacy => _folder.File("legacy.pfx");
    public string CertificateAndKey => _folder.File("cert-and-key.pem");
    public string PublicKey => _folder.File("public.pem");
    public string RsaPublicKey => _folder.File("rsa-public.pem");
    public string Rsa1024 => _folder.File("rsa1024.key");
    public string EcTraditional => _folder.File("ec.key");
    public string EcPkcs8 => _folder.File("ec-pkcs8.key");
    public string Ed25519 => _folder.File("ed25519.key");
    public string DsaPkcs8 => _folder.File("dsa-pkcs8.key");
    public string DsaTraditional => _folder.File("dsa.key");
    public string LegacyEncrypted => _folder.File("legacy-enc.key");

    /// <summary>Modulus of the PKCS#8 key (the one behind the certificate and most formats).</summary>
    public byte[] Modulus { get; }

    public byte[] Pkcs1Modulus { get; }

    public string Scratch(string name) => _folder.File(name);

    /// <summary>The path a property of this set names, e.g. PathOf(nameof(Pkcs8)), for theory data.</summary>
    public string PathOf(string property) => (string)typeof(OpenSslKeySet).GetProperty(property)!.GetValue(this)!;

    public void Dispose() => _folder.Dispose();
}
