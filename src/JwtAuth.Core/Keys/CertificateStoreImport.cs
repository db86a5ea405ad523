using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.Errors;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// The write side of the certificate store (New-SfCertificate -CertStoreLocation): puts a certificate with its
    /// private key into CurrentUser\My or LocalMachine\My, so tasks can sign by thumbprint. Windows only.
    /// <see cref="CertificateStoreLookup"/> is the read side.
    /// </summary>
    internal static class CertificateStoreImport
    {
        /// <summary>
        /// The store a -CertStoreLocation value names (e.g. Cert:\LocalMachine\My), or null when none is given;
        /// throws CertStoreNotSupported off Windows. Called before any file is written, so a refused store leaves no key files behind.
        /// </summary>
        public static StoreLocation? ParseLocation(string? location)
        {
            if (string.IsNullOrEmpty(location)) return null;
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                throw new JwtAuthException("CertStoreNotSupported", JwtAuthErrorKind.NotImplemented,
                    "-CertStoreLocation imports into the Windows certificate store, which this system does not have.",
                    "Leave out -CertStoreLocation and sign with -KeyFile (or -PfxPassword and the .pfx) instead.", location);
            return location!.IndexOf("LocalMachine", StringComparison.OrdinalIgnoreCase) >= 0 ? StoreLocation.LocalMachine : StoreLocation.CurrentUser;
        }

        /// <summary>Imports the certificate with a persisted key; returns its path, e.g. Cert:\CurrentUser\My\THUMBPRINT.</summary>
        public static string Import(X509Certificate2 certificateWithKey, StoreLocation location)
        {
            // A persisted key needs a certificate loaded with PersistKeySet; an ephemeral in-memory key would vanish.
            var password = Guid.NewGuid().ToString("N");
            var pfx = certificateWithKey.Export(X509ContentType.Pfx, password);
            var flags = X509KeyStorageFlags.PersistKeySet |
                        (location == StoreLocation.LocalMachine ? X509KeyStorageFlags.MachineKeySet : X509KeyStorageFlags.UserKeySet);
            try
            {
#pragma warning disable SYSLIB0057 // X509CertificateLoader does not exist on net472.
                using var persisted = new X509Certificate2(pfx, password, flags);
#pragma warning restore SYSLIB0057
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadWrite);
                store.Add(persisted);
                return $"Cert:\\{location}\\My\\{persisted.Thumbprint}";
            }
            catch (CryptographicException ex)
            {
                throw new JwtAuthException("CertStoreImportFailed", JwtAuthErrorKind.PermissionDenied,
                    $"The certificate could not be imported into Cert:\\{location}\\My.",
                    location == StoreLocation.LocalMachine
                        ? "Run PowerShell as Administrator to write to LocalMachine\\My, or use Cert:\\CurrentUser\\My."
                        : "Check that the user profile is loaded (scheduled tasks: 'Run whether user is logged on or not' loads it).",
                    location.ToString(), ex);
            }
            finally
            {
                Array.Clear(pfx, 0, pfx.Length);
            }
        }
    }
}
