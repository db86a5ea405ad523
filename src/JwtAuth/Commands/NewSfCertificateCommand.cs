using System;
using System.Management.Automation;
using System.Security;
using JwtAuth.Core.Service;
using JwtAuth.Infrastructure;

namespace JwtAuth.Commands
{
    /// <summary>
    /// Makes the RSA private key and the self-signed certificate a Connected App needs for
    /// "Use digital signatures": upload the .crt to Salesforce, keep the .key for Connect-SfOrgJwt.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "SfCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SfCertificate))]
    public sealed class NewSfCertificateCommand : SfCmdlet
    {
        // Left out, it is the current folder; given as '' it is refused rather than taken for the current folder.
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [Alias("Path", "OutPath")]
        public string? OutputDirectory { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string CommonName { get; set; } = "JwtAuth Salesforce JWT";

        [Parameter]
        [ValidateRange(1, 36500)]
        public int ValidDays { get; set; } = 365;

        [Parameter]
        [ValidateSet("2048", "3072", "4096")]
        public int KeySize { get; set; } = 2048;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string BaseName { get; set; } = "server";

        [Parameter]
        public SecureString? KeyPassword { get; set; }

        [Parameter]
        public SecureString? PfxPassword { get; set; }

        [Parameter]
        public SfKeyFormat KeyFormat { get; set; } = SfKeyFormat.Pkcs8;

        [Parameter]
        [ValidateSet(@"Cert:\CurrentUser\My", @"Cert:\LocalMachine\My")]
        public string? CertStoreLocation { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var directory = ResolveFileSystemPath(OutputDirectory ?? ".", "-OutputDirectory");
            var request = new CertificateCreationRequest
            {
                Directory = directory,
                BaseName = BaseName,
                CommonName = CommonName,
                ValidDays = ValidDays,
                KeySize = KeySize,
                Pkcs1 = KeyFormat == SfKeyFormat.Pkcs1,
                KeyPassword = SecureStrings.Reveal(KeyPassword),
                PfxPassword = SecureStrings.Reveal(PfxPassword),
                Force = Force,
                CertStoreLocation = CertStoreLocation,
            };

            try
            {
                var planned = CertificateService.PlannedFiles(request);
                var action = $"Create RSA {KeySize}-bit key and certificate for CN={CommonName}" + (Force ? " (overwriting existing files)" : string.Empty);
                if (!ShouldProcess(string.Join(", ", planned), action)) return;

                var created = CertificateService.Create(request);
                var files = created.Files;
                WriteVerbose($"Wrote {files.KeyPath} (owner-only) and {files.CertificatePath}. Upload the .crt under the Connected App's 'Use digital signatures'.");
                WriteObject(new SfCertificate
                {
                    Thumbprint = files.Thumbprint,
                    Subject = files.Subject,
                    NotBefore = files.NotBefore,
                    NotAfter = files.NotAfter,
                    KeySize = files.KeySize,
                    KeyPath = files.KeyPath,
                    CertificatePath = files.CertificatePath,
                    PfxPath = files.PfxPath,
                    CertStorePath = created.CertStorePath,
                });
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                ThrowCoreError(ex, directory);
            }
        }
    }
}
