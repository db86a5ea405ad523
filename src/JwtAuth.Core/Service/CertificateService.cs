using System.Collections.Generic;
using JwtAuth.Core.Keys;

namespace JwtAuth.Core.Service
{
    /// <summary>New-SfCertificate's work: the key pair, its files, and on Windows the certificate store.</summary>
    public static class CertificateService
    {
        /// <summary>The files <see cref="Create"/> would write, for -WhatIf; a request that cannot be written is refused here already.</summary>
        public static IReadOnlyList<string> PlannedFiles(CertificateCreationRequest request) =>
            CertificateFileWriter.Plan(ToFileRequest(request));

        public static CreatedCertificate Create(CertificateCreationRequest request)
        {
            var storeLocation = CertificateStoreImport.ParseLocation(request.CertStoreLocation);
            var fileRequest = ToFileRequest(request);
            // Refused before the key is generated (seconds for 4096 bits), not after.
            CertificateFileWriter.Plan(fileRequest);
            using var certificate = SelfSignedCertificateFactory.Create(new CertificateSpec
            {
                CommonName = request.CommonName,
                ValidDays = request.ValidDays,
                KeySize = request.KeySize,
            });
            var files = CertificateFileWriter.Write(certificate, fileRequest);
            var storePath = storeLocation.HasValue ? CertificateStoreImport.Import(certificate, storeLocation.Value) : null;
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
    }
}
