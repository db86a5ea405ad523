using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Login;
using JwtAuth.Core.Service;
using JwtAuth.Core.SfCli;
using JwtAuth.Infrastructure;

namespace JwtAuth.Commands
{
    /// <summary>
    /// Signs a JWT assertion and trades it for an access token, for one org or for every org piped in
    /// (up to -ThrottleLimit at once). Pipeline input is collected, then run concurrently; each
    /// SfOrgAuth is written as soon as its org completes, so output order is completion order.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "SfOrgJwt", DefaultParameterSetName = KeyFileSet)]
    [OutputType(typeof(SfOrgAuth))]
    public sealed class ConnectSfOrgJwtCommand : SfCmdlet
    {
        private const string KeyFileSet = "KeyFile";
        private const string PrivateKeySet = "PrivateKey";
        private const string ThumbprintSet = "CertificateThumbprint";
        private const string CertificateSet = "Certificate";

        private readonly List<object> _requests = new List<object>();

        // AllowNull/AllowEmptyString: an org piped in without these reaches ProcessRecord, which says why
        // it cannot be connected, instead of failing in the binder with "Cannot bind argument ... null".
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowNull, AllowEmptyString]
        [Alias("ConsumerKey")]
        public string ClientId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UsernameCompleter))]
        public string Username { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = KeyFileSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull, AllowEmptyString]
        [Alias("JwtKeyFile", "KeyPath")]
        public string KeyFile { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = PrivateKeySet)]
        public string PrivateKey { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [Alias("Thumbprint")]
        public string CertificateThumbprint { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        public X509Certificate2 Certificate { get; set; } = null!;

        [Parameter(ParameterSetName = KeyFileSet)]
        [Parameter(ParameterSetName = PrivateKeySet)]
        public SecureString? KeyPassword { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("InstanceUrl")]
        [ArgumentCompleter(typeof(LoginUrlCompleter))]
        public string LoginUrl { get; set; } = LoginUrlPolicy.DefaultLoginUrl;

        [Parameter]
        [ArgumentCompleter(typeof(AudienceCompleter))]
        public string? Audience { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(OrgNameCompleter))]
        public string? Alias { get; set; }

        [Parameter]
        public SwitchParameter SetDefault { get; set; }

        [Parameter]
        public SwitchParameter SetDefaultDevHub { get; set; }

        [Parameter]
        public SfAuthScope Scope { get; set; } = SfAuthScope.CurrentUser;

        [Parameter]
        [ValidateRange(0, 3600)]
        public int? RetryTimeoutSec { get; set; }

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 30;

        [Parameter]
        public SwitchParameter SfCli { get; set; }

        /// <summary>An org piped in from Get-SfOrgAuth, kept to refuse, by name and reason, one that cannot be connected by JWT.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public SfOrgAuthBase? InputObject { get; set; }

        private bool _keyGivenOnCommandLine;

        protected override void BeginProcessing()
        {
            // Only command-line arguments are bound yet: pipeline objects bind per record.
            _keyGivenOnCommandLine = ParameterSetName != KeyFileSet || MyInvocation.BoundParameters.ContainsKey(nameof(KeyFile));
        }

        protected override void ProcessRecord()
        {
            var refusal = RefusePipedOrg() ?? RefuseMissingKeyFile();
            if (refusal != null)
            {
                WriteCoreError(refusal, Username);
                return;
            }
            _requests.Add(BuildRequest());
        }

        // A Salesforce CLI org authorized by web login or access token carries no key: say so for that org
        // (unless the caller brought a key for it on the command line) rather than fail on a missing -KeyFile.
        private Exception? RefusePipedOrg()
        {
            var org = InputObject;
            if (org is null || _keyGivenOnCommandLine || org.Note is null || org.Scope != "SfCli") return null;
            return new SfCliException(SfCliErrorIds.OrgNotImportable, JwtAuthErrorKind.InvalidArgument,
                $"'{org.Username}' cannot be connected from what the Salesforce CLI stored for it ({org.AuthMethod}): {org.Note}",
                $"Leave it out (Get-SfOrgAuth -SfCli | Where-Object Note -eq $null | Connect-SfOrgJwt), or connect it with -ClientId and -KeyFile of a connected app: Connect-SfOrgJwt -Username '{org.Username}' -ClientId <consumer key> -KeyFile <key file>.",
                org.Username);
        }

        private Exception? RefuseMissingKeyFile()
        {
            if (ParameterSetName != KeyFileSet || !string.IsNullOrWhiteSpace(KeyFile)) return null;
            if (!string.IsNullOrEmpty(InputObject?.CertificateThumbprint)) return null;
            return new JwtAuthException("MissingKeyFile", JwtAuthErrorKind.InvalidArgument,
                $"No key to sign with was given for '{Username}'{(InputObject is null ? string.Empty : " (the object piped in has no KeyFile)")}.",
                "Pass -KeyFile with the private key file (or -PrivateKey, -Certificate or -CertificateThumbprint).", Username);
        }

        protected override void EndProcessing()
        {
            if (_requests.Count == 0) return;
            using var dispatcher = new PipelineDispatcher();
            var progress = new BulkProgress(this, _requests.Count);
            var service = OrgAuthService.ForCurrentUser(TimeSpan.FromSeconds(TimeoutSec));
            dispatcher.Run(ct => service.ConnectAsync(
                    Cast(_requests), ThrottleLimit,
                    onResult: result => dispatcher.Post(() =>
                    {
                        progress.Completed(result.Username);
                        if (result.AliasMoved != null) WriteWarning(result.AliasMoved.Message);
                        if (result.Error is null) WriteObject(OrgAuthOutput.From(result.View!, asPlainText: false));
                        else WriteCoreError(result.Error, result.Username);
                    }),
                    onVerbose: message => dispatcher.Post(() => WriteVerbose(message)),
                    onWarning: message => dispatcher.Post(() => WriteWarning(message)),
                    ct),
                StopToken);
            progress.Finish();
        }

        private ConnectRequest BuildRequest()
        {
            var request = new ConnectRequest
            {
                ClientId = ClientId,
                Username = Username,
                LoginUrl = LoginUrl,
                Audience = Audience,
                Alias = Alias,
                RetryTimeout = RetryTimeoutSec.HasValue ? TimeSpan.FromSeconds(RetryTimeoutSec.Value) : (TimeSpan?)null,
                SetDefault = SetDefault,
                SetDefaultDevHub = SetDefaultDevHub,
                ProcessScope = Scope == SfAuthScope.Process,
                RegisterWithSfCli = SfCli,
            };
            var password = SecureStrings.Reveal(KeyPassword);
            request.Key = ParameterSetName switch
            {
                PrivateKeySet => KeySource.FromText(PrivateKey, password),
                ThumbprintSet => KeySource.FromThumbprint(CertificateThumbprint),
                CertificateSet => KeySource.FromCertificate(Certificate),
                _ when string.IsNullOrWhiteSpace(KeyFile) => KeySource.FromThumbprint(InputObject!.CertificateThumbprint!),
                _ => KeySource.FromFile(ResolveFileSystemPath(KeyFile), password),
            };
            return request;
        }

        private static IReadOnlyList<ConnectRequest> Cast(List<object> requests) => requests.ConvertAll(r => (ConnectRequest)r);
    }
}
