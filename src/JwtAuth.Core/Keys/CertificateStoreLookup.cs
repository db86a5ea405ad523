using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// The read side of the certificate store: finds a certificate by thumbprint in CurrentUser\My, then LocalMachine\My
    /// (the Windows store; on Linux and macOS, .NET's own store). <see cref="CertificateStoreImport"/> is the write side.
    /// </summary>
    internal static class CertificateStoreLookup
    {
        private static readonly (StoreLocation Location, string Name)[] Stores =
        {
            (StoreLocation.CurrentUser, "CurrentUser\\My"),
            (StoreLocation.LocalMachine, "LocalMachine\\My"),
        };

        /// <summary>
        /// The certificate (the caller owns it), preferring an entry with its private key; its thumbprint normalised
        /// (<see cref="NormalizeThumbprint"/>); and the store it was found in, e.g. "CurrentUser\My".
        /// </summary>
        public static (X509Certificate2 Certificate, string Thumbprint, string Store) Find(string thumbprint)
        {
            var normalized = NormalizeThumbprint(thumbprint);
            foreach (var (location, name) in Stores)
            {
                var found = FindIn(location, normalized);
                if (found != null) return (found, normalized, name);
            }
            throw KeyErrors.CertificateNotFound(normalized, new[] { "Cert:\\CurrentUser\\My", "Cert:\\LocalMachine\\My" });
        }

        /// <summary>
        /// Upper-case hex without separators. Spaces, colons and the invisible marks that the Windows certificate
        /// dialog copies along are ignored; case does not matter. Throws <see cref="KeyErrorIds.InvalidThumbprint"/> otherwise.
        /// </summary>
        public static string NormalizeThumbprint(string thumbprint)
        {
            var chars = new List<char>(40);
            foreach (var c in thumbprint ?? string.Empty)
            {
                if (char.IsWhiteSpace(c) || c == ':' || c == '-' || c == '\u200E' || c == '\u200F' || c == '\uFEFF' || c == '\u200B') continue;
                chars.Add(char.ToUpperInvariant(c));
            }
            var result = new string(chars.ToArray());
            if (result.Length != 40) throw KeyErrors.InvalidThumbprint(thumbprint ?? string.Empty);
            foreach (var c in result)
                if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) throw KeyErrors.InvalidThumbprint(thumbprint!);
            return result;
        }

        private static X509Certificate2? FindIn(StoreLocation location, string thumbprint)
        {
            X509Store store;
            try
            {
                store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (CryptographicException) { return null; }
            catch (PlatformNotSupportedException) { return null; }
            catch (UnauthorizedAccessException) { return null; }

            using (store)
            {
                var matches = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
                X509Certificate2? chosen = null;
                foreach (var match in matches)
                {
                    if (chosen == null || (!chosen.HasPrivateKey && match.HasPrivateKey))
                    {
                        chosen?.Dispose();
                        chosen = match;
                    }
                    else
                    {
                        match.Dispose();
                    }
                }
                return chosen;
            }
        }
    }
}
