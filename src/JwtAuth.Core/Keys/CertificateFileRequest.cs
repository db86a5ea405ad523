namespace JwtAuth.Core.Keys
{
    /// <summary>Where and how <see cref="CertificateFileWriter"/> writes a key and certificate.</summary>
    public sealed class CertificateFileRequest
    {
        /// <summary>Output folder; created if missing. Relative paths are resolved against the process's folder.</summary>
        public string Directory { get; set; } = string.Empty;

        /// <summary>File name without extension: writes &lt;BaseName&gt;.key, .crt and optionally .pfx.</summary>
        public string BaseName { get; set; } = "server";

        /// <summary>Format of the key; an encrypted key (<see cref="KeyPassword"/> set) is always PKCS#8, so Pkcs1 with a password is refused.</summary>
        public PrivateKeyFormat KeyFormat { get; set; } = PrivateKeyFormat.Pkcs8;

        /// <summary>When set, the .key is encrypted PKCS#8 (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC). Must not be empty.</summary>
        public string? KeyPassword { get; set; }

        /// <summary>When set, a .pfx (key and certificate, AES-256/SHA-256, readable by OpenSSL 3 without -legacy) is written too. Must not be empty.</summary>
        public string? PfxPassword { get; set; }

        /// <summary>Overwrite existing files. Without it, nothing is written if any target exists.</summary>
        public bool Force { get; set; }
    }
}
