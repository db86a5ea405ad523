using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Loads the RSA private key that signs JWT bearer assertions, from a file, from PEM text held in a
    /// pipeline secret, from a certificate object, or from the Windows/.NET certificate store by thumbprint.
    /// File and text go to <see cref="KeyDecoder"/>; this class only knows where keys come from.
    /// Every failure is a <see cref="KeyException"/> naming the problem and the fix.
    /// </summary>
    public static class SigningKeyLoader
    {
        private const long MaxFileBytes = 1024 * 1024;

        /// <summary>
        /// Reads a PEM key (PKCS#1, PKCS#8, encrypted PKCS#8; a certificate in the same file is skipped), a DER key,
        /// or a PFX/P12 (recognised by content, not extension). A relative path is made absolute against the
        /// process's current folder; callers (the cmdlets) should pass an absolute path.
        /// </summary>
        public static SigningKey FromFile(string path, string? password = null)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A key file path is required.", nameof(path));
            var fullPath = KeyPaths.FullPath(path, KeyTargetKinds.KeyFile);
            var origin = KeyOrigin.File(fullPath);
            var bytes = ReadFile(fullPath, origin);
            try
            {
                return FromDecoded(KeyDecoder.Decode(bytes, password, origin), KeyReference.File(fullPath));
            }
            finally
            {
                Array.Clear(bytes, 0, bytes.Length);
            }
        }

        /// <summary>
        /// Reads a key from text, typically a CI secret: PEM with CRLF, surrounding quotes or whitespace, a BOM,
        /// literal "\n" sequences or newlines turned into spaces; or base64 of a whole PEM file or PFX.
        /// The key has no <see cref="SigningKey.Reference"/> (<see cref="KeyReferenceKind.None"/>): it cannot be renewed by path.
        /// </summary>
        public static SigningKey FromText(string text, string? password = null)
        {
            if (string.IsNullOrWhiteSpace(text?.Replace("\uFEFF", string.Empty))) throw KeyErrors.TextEmpty();
            return FromDecoded(KeyDecoder.Decode(text!, password, KeyOrigin.Text()), KeyReference.None());
        }

        /// <summary>Uses the private key of a certificate object (e.g. from Get-PfxCertificate or a store). The caller keeps ownership of it.</summary>
        public static SigningKey FromCertificate(X509Certificate2 certificate)
        {
            if (certificate == null) throw new ArgumentNullException(nameof(certificate));
            var origin = KeyOrigin.Certificate(certificate);
            return FromCertificate(certificate, origin, origin.Description, KeyReference.None(), ownsCertificate: false);
        }

        /// <summary>
        /// Finds a certificate with its private key in CurrentUser\My, then LocalMachine\My. Spaces, colons and the
        /// invisible marks that the Windows certificate dialog copies along are ignored; case does not matter.
        /// </summary>
        public static SigningKey FromThumbprint(string thumbprint)
        {
            var (certificate, normalized, store) = CertificateStoreLookup.Find(thumbprint);
            var origin = KeyOrigin.Certificate(certificate, store);
            return FromCertificate(certificate, origin, origin.Description, KeyReference.Store(normalized, store), ownsCertificate: true);
        }

        /// <summary>
        /// Loads the key again from where an earlier login found it (to renew a token): the key file, or the
        /// certificate store entry. A key that was given as text has no reference and cannot be reloaded.
        /// </summary>
        public static SigningKey FromReference(KeyReference reference, string? password = null)
        {
            if (reference == null) throw new ArgumentNullException(nameof(reference));
            switch (reference.Kind)
            {
                case KeyReferenceKind.File when !string.IsNullOrEmpty(reference.KeyFile):
                    return FromFile(reference.KeyFile!, password);
                case KeyReferenceKind.CertificateStore when !string.IsNullOrEmpty(reference.CertificateThumbprint):
                    return FromThumbprint(reference.CertificateThumbprint!);
                default:
                    throw KeyErrors.NotRenewable();
            }
        }

        private static byte[] ReadFile(string fullPath, KeyOrigin origin)
        {
            if (Directory.Exists(fullPath)) throw KeyErrors.PathIsDirectory(fullPath);
            if (!File.Exists(fullPath)) throw KeyErrors.FileNotFound(fullPath);
            try
            {
                using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
                if (stream.Length > MaxFileBytes) throw KeyErrors.FileTooLarge(origin);
                var bytes = new byte[stream.Length];
                var read = 0;
                while (read < bytes.Length)
                {
                    var n = stream.Read(bytes, read, bytes.Length - read);
                    if (n == 0) break;
                    read += n;
                }
                if (read == bytes.Length) return bytes;
                var partial = new byte[read];
                Buffer.BlockCopy(bytes, 0, partial, 0, read);
                Array.Clear(bytes, 0, bytes.Length);
                return partial;
            }
            catch (FileNotFoundException) { throw KeyErrors.FileNotFound(fullPath); }
            catch (DirectoryNotFoundException) { throw KeyErrors.FileNotFound(fullPath); }
            catch (UnauthorizedAccessException e) { throw KeyErrors.FileAccessDenied(fullPath, e); }
            catch (IOException e) { throw KeyErrors.FileReadFailed(fullPath, e); }
        }

        private static SigningKey FromDecoded(DecodedKey key, KeyReference reference)
        {
            if (key.PfxCertificate == null)
                return new SigningKey(RsaKeyFactory.Import(key.Parameters, key.Origin), reference, key.Origin.Description, null, false,
                    key.PasswordNotNeeded);
            var certificate = key.PfxCertificate;
            var description = key.Origin.Description + " (certificate " + certificate.Subject + ", thumbprint " + certificate.Thumbprint + ")";
            return FromCertificate(certificate, key.Origin, description, reference, ownsCertificate: true);
        }

        /// <param name="origin">What errors name and target: the certificate, or the PFX file it came from.</param>
        /// <param name="description">The loaded key's <see cref="SigningKey.Description"/>.</param>
        private static SigningKey FromCertificate(X509Certificate2 certificate, KeyOrigin origin, string description, KeyReference reference,
            bool ownsCertificate)
        {
            try
            {
                if (!certificate.HasPrivateKey) throw KeyErrors.CertificateHasNoPrivateKey(origin);
                RSA? rsa;
                try
                {
                    rsa = certificate.GetRSAPrivateKey();
                }
                catch (CryptographicException e)
                {
                    throw KeyErrors.Unreadable(origin,
                        "its private key cannot be opened (on Windows, check that this user may use the key: certificate store > All Tasks > Manage Private Keys)", e);
                }
                if (rsa == null) throw KeyErrors.NotRsa(origin, Oids.KeyTypeName(certificate.PublicKey.Oid?.Value ?? "?"));
                try
                {
                    RsaKeyFactory.CheckSize(rsa, origin);
                }
                catch
                {
                    rsa.Dispose();
                    throw;
                }
                return new SigningKey(rsa, reference, description, certificate, ownsCertificate);
            }
            catch
            {
                if (ownsCertificate) certificate.Dispose();
                throw;
            }
        }
    }
}
