using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Opens a PFX/P12 and hands back its certificate that has a private key. The password is checked against the
    /// PFX's MAC first, so "no password given" and "wrong password" are different, precise errors on every platform.
    /// </summary>
    internal static class PfxReader
    {
        /// <summary>The first certificate with a private key; the caller owns it. The PFX's other certificates are disposed.</summary>
        public static X509Certificate2 Open(byte[] pfx, string? password, KeyOrigin origin)
        {
            var effectivePassword = ChoosePassword(pfx, password, origin);
            var certificates = new X509Certificate2Collection();
            try
            {
                certificates.Import(pfx, effectivePassword, StorageFlags());
            }
            catch (CryptographicException e)
            {
                throw KeyErrors.Unreadable(origin, "the PFX cannot be opened with the given password", e);
            }

            X509Certificate2? withKey = null;
            foreach (var certificate in certificates)
            {
                if (withKey == null && certificate.HasPrivateKey) withKey = certificate;
                else certificate.Dispose();
            }
            return withKey ?? throw KeyErrors.NotAPrivateKey(origin, "a PFX with certificates only");
        }

        private static string? ChoosePassword(byte[] pfx, string? password, KeyOrigin origin)
        {
            if (password != null)
            {
                if (Pkcs12MacCheck.Check(pfx, password) == Pkcs12MacCheck.Outcome.Mismatch) throw KeyErrors.PasswordIncorrect(origin);
                return password;
            }
            // "No password" is written two ways: an empty BMPString ("") or no bytes at all (null).
            var empty = Pkcs12MacCheck.Check(pfx, string.Empty);
            if (empty != Pkcs12MacCheck.Outcome.Mismatch) return string.Empty;
            if (Pkcs12MacCheck.Check(pfx, null) == Pkcs12MacCheck.Outcome.Matches) return null;
            throw KeyErrors.PasswordRequired(origin);
        }

        private static X509KeyStorageFlags StorageFlags() =>
            // Ephemeral keys leave no key file behind on Windows; macOS does not support them.
            RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
    }
}
