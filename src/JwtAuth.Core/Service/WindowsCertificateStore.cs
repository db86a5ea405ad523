using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.Errors;

namespace JwtAuth.Core.Service
{
    /// <summary>Puts a certificate with its private key into CurrentUser\My or LocalMachine\My, so tasks can sign by thumbprint.</summary>
    internal static class WindowsCertificateStore
    {
        public static bool IsSupported => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

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
