using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Keys;

namespace JwtAuth.Core.Service
{
    /// <summary>New-SfCertificate's work: the key pair, its files, and on Windows the certificate store.</summary>
    public static class CertificateService
    {
        public static IReadOnlyList<string> PlannedFiles(CertificateCreationRequest request) =>
            CertificateFileWriter.GetTargetPaths(ToFileRequest(request));

        public static CreatedCertificate Create(CertificateCreationRequest request)
        {
            var storeLocation = ParseStoreLocation(request.CertStoreLocation);
            var fileRequest = ToFileRequest(request);
            using var certificate = SelfSignedCertificateFactory.Create(new CertificateSpec
            {
                CommonName = request.CommonName,
                ValidDays = request.ValidDays,
                KeySize = request.KeySize,
            });
            var files = CertificateFileWriter.Write(certificate, fileRequest);
            var storePath = storeLocation.HasValue ? WindowsCertificateStore.Import(certificate, storeLocation.Value) : null;
            return new CreatedCertificate(files, storePath);
        }

        private static CertificateFileRequest ToFileRequest(CertificateCreationRequest request) => new CertificateFileRequest
        {
            Directory = request.Directory,
            BaseName = request.BaseName,
            KeyFormat = request.Pkcs1 ? PrivateKeyFormat.Pkcs1 : PrivateKeyFormat.Pkcs8,
            KeyPassword = request.KeyPassword,
            PfxPassword = request.PfxPassword,
            Force = request.Force,
        };

        // Checked before any file is written, so an unsupported store never leaves key files behind.
        private static StoreLocation? ParseStoreLocation(string? location)
        {
            if (string.IsNullOrEmpty(location)) return null;
            if (!WindowsCertificateStore.IsSupported)
                throw new JwtAuthException("CertStoreNotSupported", JwtAuthErrorKind.NotImplemented,
                    "-CertStoreLocation imports into the Windows certificate store, which this system does not have.",
                    "Leave out -CertStoreLocation and sign with -KeyFile (or -PfxPassword and the .pfx) instead.", location);
            return location!.IndexOf("LocalMachine", StringComparison.OrdinalIgnoreCase) >= 0 ? StoreLocation.LocalMachine : StoreLocation.CurrentUser;
        }
    }
}
