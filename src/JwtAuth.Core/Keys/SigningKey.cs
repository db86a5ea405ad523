using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// An RSA private key ready to sign assertions, with where it came from (to renew later) and a description
    /// that is safe to show. Dispose it when done; <see cref="ToString"/> never shows key material.
    /// </summary>
    public sealed class SigningKey : IDisposable
    {
        private readonly RSA _rsa;
        private readonly X509Certificate2? _ownedCertificate;
        private bool _disposed;

        internal SigningKey(RSA rsa, KeyReference reference, string description, X509Certificate2? certificate, bool ownsCertificate,
            bool passwordNotNeeded = false)
        {
            _rsa = rsa;
            Reference = reference;
            Description = description;
            Certificate = certificate;
            _ownedCertificate = ownsCertificate ? certificate : null;
            KeySize = rsa.KeySize;
            PasswordNotNeeded = passwordNotNeeded;
        }

        /// <summary>The private key.</summary>
        public RSA Rsa
        {
            get
            {
                if (_disposed) throw new ObjectDisposedException(nameof(SigningKey));
                return _rsa;
            }
        }

        /// <summary>Key size in bits (2048 or more; smaller keys are refused when loading).</summary>
        public int KeySize { get; }

        /// <summary>Where the key lives: a file (absolute path), a certificate store entry, or nothing (in-memory text).</summary>
        public KeyReference Reference { get; }

        /// <summary>e.g. "key file /home/me/server.key" or "certificate CN=app, thumbprint AB12..."; never secret.</summary>
        public string Description { get; }

        /// <summary>The certificate that came with the key (PFX or certificate store), when there was one.</summary>
        public X509Certificate2? Certificate { get; }

        /// <summary>
        /// A password was given but the key is not encrypted (PEM PKCS#1 or PKCS#8), so it was not used. The caller
        /// says so (<see cref="PasswordNotNeededWarning"/>): a password that opens nothing often means the wrong key file.
        /// </summary>
        public bool PasswordNotNeeded { get; }

        /// <summary>The warning to show when <see cref="PasswordNotNeeded"/>; null otherwise.</summary>
        public string? PasswordNotNeededWarning => PasswordNotNeeded
            ? $"The {Description} is not encrypted, so the password given with -KeyPassword was not needed and was not used."
            : null;

        public override string ToString() => Description;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _rsa.Dispose();
            _ownedCertificate?.Dispose();
        }
    }
}
