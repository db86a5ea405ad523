using System;
using System.IO;
using System.Text;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.SfCli
{
    /// <summary>Where the signing key of a login came from, as far as the CLI hand-over cares.</summary>
    public enum SfCliKeySource
    {
        KeyFile,
        PrivateKeyText,
        Certificate,
        CertificateThumbprint,
    }

    /// <summary>What a key file holds, judged from its bytes.</summary>
    public enum SfCliKeyFileFormat
    {
        Missing,
        /// <summary>PEM <c>PRIVATE KEY</c> (PKCS#8) or <c>RSA PRIVATE KEY</c> (PKCS#1) without encryption.</summary>
        UnencryptedPem,
        /// <summary>PEM <c>ENCRYPTED PRIVATE KEY</c>, or PKCS#1 with <c>Proc-Type: 4,ENCRYPTED</c>.</summary>
        EncryptedPem,
        /// <summary>Binary (DER), normally a PFX/PKCS#12 file.</summary>
        Pfx,
        /// <summary>Text without a private-key PEM block (a certificate, a public key, anything else).</summary>
        NotPrivateKeyPem,
    }

    /// <summary>
    /// The Salesforce CLI renews a JWT auth by reading the key file named in the auth file each time, with no
    /// passphrase option: only an unencrypted PEM file it can read later works. This check says so up front.
    /// </summary>
    public static class SfCliKeyRequirement
    {
        private const string ExportFix =
            "Export the key as an unencrypted PKCS#8 PEM file to a path only you can read, e.g. " +
            "'openssl pkcs12 -in key.pfx -nocerts -nodes | openssl pkey -out ~/.jwt/org.key && chmod 600 ~/.jwt/org.key' " +
            "(or 'openssl pkey -in encrypted.key -out ~/.jwt/org.key'), then connect with -KeyFile ~/.jwt/org.key.";

        /// <summary>Reads the start of the file and tells what kind of key file it is. Never returns key bytes.</summary>
        public static SfCliKeyFileFormat SniffKeyFile(string path)
        {
            byte[] head;
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                head = new byte[(int)Math.Min(stream.Length, 64 * 1024)];
                var read = 0;
                while (read < head.Length)
                {
                    var n = stream.Read(head, read, head.Length - read);
                    if (n == 0) break;
                    read += n;
                }
            }
            catch (FileNotFoundException) { return SfCliKeyFileFormat.Missing; }
            catch (DirectoryNotFoundException) { return SfCliKeyFileFormat.Missing; }

            return Classify(head);
        }

        internal static SfCliKeyFileFormat Classify(byte[] head)
        {
            if (head.Length > 0 && head[0] == 0x30) return SfCliKeyFileFormat.Pfx; // ASN.1 SEQUENCE: DER
            var text = Encoding.ASCII.GetString(head);
            if (text.IndexOf("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal) >= 0) return SfCliKeyFileFormat.EncryptedPem;
            var pkcs1 = text.IndexOf("-----BEGIN RSA PRIVATE KEY-----", StringComparison.Ordinal);
            if (pkcs1 >= 0)
            {
                var end = text.IndexOf("-----END RSA PRIVATE KEY-----", pkcs1, StringComparison.Ordinal);
                var block = end > pkcs1 ? text.Substring(pkcs1, end - pkcs1) : text.Substring(pkcs1);
                return block.IndexOf("Proc-Type:", StringComparison.OrdinalIgnoreCase) >= 0 && block.IndexOf("ENCRYPTED", StringComparison.Ordinal) >= 0
                    ? SfCliKeyFileFormat.EncryptedPem
                    : SfCliKeyFileFormat.UnencryptedPem;
            }
            if (text.IndexOf("-----BEGIN PRIVATE KEY-----", StringComparison.Ordinal) >= 0) return SfCliKeyFileFormat.UnencryptedPem;
            return SfCliKeyFileFormat.NotPrivateKeyPem;
        }

        /// <summary>The source a stored <see cref="KeyReference"/> stands for; an in-memory key counts as -PrivateKey text.</summary>
        public static SfCliKeySource SourceOf(KeyReference key) => key.Kind switch
        {
            KeyReferenceKind.File => SfCliKeySource.KeyFile,
            KeyReferenceKind.CertificateStore => SfCliKeySource.CertificateThumbprint,
            _ => SfCliKeySource.PrivateKeyText,
        };

        /// <summary>The check for a stored login: its key reference says where the key came from.</summary>
        public static string EnsureUsable(KeyReference key)
        {
            if (key is null) throw new ArgumentNullException(nameof(key));
            return EnsureUsable(SourceOf(key), key.KeyFile);
        }

        /// <summary>
        /// Throws <see cref="SfCliException"/> unless the key came from a file the CLI can use later;
        /// returns that file's absolute path. <paramref name="keyFilePath"/> matters only for <see cref="SfCliKeySource.KeyFile"/>.
        /// </summary>
        public static string EnsureUsable(SfCliKeySource source, string? keyFilePath)
        {
            switch (source)
            {
                case SfCliKeySource.PrivateKeyText:
                case SfCliKeySource.Certificate:
                    throw new SfCliException(SfCliErrorIds.KeyInMemory, JwtAuthErrorKind.InvalidArgument,
                        $"The org cannot be handed to the Salesforce CLI: the key was given in memory ({(source == SfCliKeySource.Certificate ? "-Certificate" : "-PrivateKey")}), and the CLI needs a key file it can read each time it renews the session.",
                        ExportFix);
                case SfCliKeySource.CertificateThumbprint:
                    throw new SfCliException(SfCliErrorIds.KeyInCertificateStore, JwtAuthErrorKind.InvalidArgument,
                        "The org cannot be handed to the Salesforce CLI: its key is in the certificate store (-CertificateThumbprint), which the CLI cannot read.",
                        ExportFix);
            }

            if (string.IsNullOrWhiteSpace(keyFilePath))
                throw new SfCliException(SfCliErrorIds.KeyFileNotFound, JwtAuthErrorKind.InvalidArgument,
                    "The org cannot be handed to the Salesforce CLI: no key file was given.", ExportFix);
            if (!Path.IsPathRooted(keyFilePath))
                throw new SfCliException(SfCliErrorIds.KeyPathNotAbsolute, JwtAuthErrorKind.InvalidArgument,
                    $"The key file path '{keyFilePath}' is relative; the CLI resolves it later from wherever it runs.",
                    "Pass the absolute path of the key file.", keyFilePath);
            var path = Path.GetFullPath(keyFilePath);

            switch (SniffKeyFile(path))
            {
                case SfCliKeyFileFormat.UnencryptedPem:
                    return path;
                case SfCliKeyFileFormat.Missing:
                    throw new SfCliException(SfCliErrorIds.KeyFileNotFound, JwtAuthErrorKind.ObjectNotFound,
                        $"The key file '{path}' does not exist; the CLI reads it each time it renews the session.",
                        "Pass the path of an existing unencrypted PEM key file and keep it there.", path);
                case SfCliKeyFileFormat.EncryptedPem:
                    throw new SfCliException(SfCliErrorIds.KeyEncrypted, JwtAuthErrorKind.InvalidArgument,
                        $"The key file '{path}' is encrypted; the Salesforce CLI has no way to take its passphrase.",
                        ExportFix, path);
                case SfCliKeyFileFormat.Pfx:
                    throw new SfCliException(SfCliErrorIds.KeyIsPfx, JwtAuthErrorKind.InvalidArgument,
                        $"The key file '{path}' is binary (PFX/PKCS#12 or DER); the Salesforce CLI reads only PEM key files.",
                        ExportFix, path);
                default:
                    throw new SfCliException(SfCliErrorIds.KeyNotPem, JwtAuthErrorKind.InvalidArgument,
                        $"The file '{path}' holds no PEM private key ('-----BEGIN PRIVATE KEY-----' or '-----BEGIN RSA PRIVATE KEY-----').",
                        "Pass the private key file that matches the certificate uploaded to the connected app, not the certificate.", path);
            }
        }
    }
}
