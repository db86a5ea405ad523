using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Login;
using JwtAuth.Core.Service;
using JwtAuth.Infrastructure;

namespace JwtAuth.Commands
{
    /// <summary>
    /// Signs a JWT assertion and trades it for an access token, for one org or for every org piped in
    /// (up to -ThrottleLimit at once). Pipeline input is collected, then run concurrently; each
    /// SfOrgAuth is written as soon as its org completes, so output order is completion order.
    /// One org named on the command line that fails ends in a terminating error; piped orgs fail one by one.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "SfOrgJwt", DefaultParameterSetName = KeyFileSet, SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(SfOrgAuth))]
    public sealed class ConnectSfOrgJwtCommand : SfCmdlet
    {
        private const string KeyFileSet = "KeyFile";
        private const string PrivateKeySet = "PrivateKey";
        private const string ThumbprintSet = "CertificateThumbprint";
        private const string CertificateSet = "Certificate";

        // A private field of a core class: the runtime resolves JwtAuth.Core for it only when the constructor is compiled,
        // which is after import, when ModuleInitializer's resolver is in place (see CmdletSurfaceTests).
        private readonly List<ConnectRequest> _requests = new List<ConnectRequest>();

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

        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet, ValueFromPipelineByPropertyName = true)]
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

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AudienceCompleter))]
        public string? Audience { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(OrgNameCompleter))]
        public string? Alias { get; set; }

        [Parameter]
        public SwitchParameter SetDefault { get; set; }

        [Parameter]
        public SwitchParameter SetDefaultDevHub { get; set; }

        /// <summary>SfCli is a scope of listed orgs, not one to connect into.</summary>
        [Parameter]
        [ValidateSet(nameof(SfAuthScope.CurrentUser), nameof(SfAuthScope.Process))]
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

        /// <summary>
        /// Whatever was piped in, to refuse one without a Username (PowerShell would bind its ToString() to -Username) and,
        /// for an org from Get-SfOrgAuth, one that cannot be connected by JWT.
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        private bool _keyGivenOnCommandLine;
        private bool _usernameGivenOnCommandLine;
        private IReadOnlyList<string> _perOrgOptionsOnCommandLine = Array.Empty<string>();
        private int _records;

        private SfOrgAuthBase? PipedOrg => InputObject?.BaseObject as SfOrgAuthBase;

        // The binder settles on the key file set for any piped object (InputObject binds in every set), so a piped
        // CertificateThumbprint, of an SfScratchOrg or a CSV row alike, is read from the object here.
        private string? PipedThumbprint => InputObject?.Properties["CertificateThumbprint"]?.Value as string;

        /// <summary>Nothing is piped in: the one org was named on the command line, and its failure ends the command.</summary>
        private bool NamedOnCommandLine => !MyInvocation.ExpectingInput;

        protected override void BeginProcessing()
        {
            // Only command-line arguments are bound yet: pipeline objects bind per record.
            _keyGivenOnCommandLine = ParameterSetName != KeyFileSet || MyInvocation.BoundParameters.ContainsKey(nameof(KeyFile));
            _usernameGivenOnCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Username));
            var perOrg = new List<string>();
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Alias)) && !string.IsNullOrWhiteSpace(Alias)) perOrg.Add(nameof(Alias));
            if (SetDefault) perOrg.Add(nameof(SetDefault));
            if (SetDefaultDevHub) perOrg.Add(nameof(SetDefaultDevHub));
            _perOrgOptionsOnCommandLine = perOrg;
        }

        protected override void ProcessRecord()
        {
            // Before any login: logins start in EndProcessing, once every record is in.
            if (++_records == 2 && _perOrgOptionsOnCommandLine.Count > 0)
                ThrowCoreError(ConnectRefusals.PerOrgOptionsForManyOrgs(_perOrgOptionsOnCommandLine), null);

            var refusal = (_usernameGivenOnCommandLine ? null : ConnectRefusals.NoUsernameIn(InputObject))
                ?? (_keyGivenOnCommandLine ? null : ConnectRefusals.NotImportable(PipedOrg))
                ?? RefuseMissingKeyFile();
            if (refusal is null) refusal = TryAdd();
            if (refusal is null) return;
            if (NamedOnCommandLine) ThrowCoreError(refusal, Username);
            else WriteCoreError(refusal, Username);
        }

        // A key path JwtAuth cannot use (a drive that does not exist, Env:) fails its own org, not the rows after it.
        private Exception? TryAdd()
        {
            try
            {
                _requests.Add(BuildRequest());
                return null;
            }
            catch (JwtAuthException refused)
            {
                return refused;
            }
        }

        private Exception? RefuseMissingKeyFile()
        {
            if (ParameterSetName != KeyFileSet || !string.IsNullOrWhiteSpace(KeyFile)) return null;
            if (!string.IsNullOrWhiteSpace(PipedThumbprint)) return null;
            return ConnectRefusals.MissingKeyFile(Username, piped: InputObject != null && !(InputObject.BaseObject is string));
        }

        protected override void EndProcessing()
        {
            // Asked per org before anything is sent for it; -WhatIf declines each.
            var approved = _requests.Where(r => ShouldProcess(r.Username, Intent(r))).ToList();
            if (approved.Count == 0) return;

            using var dispatcher = new PipelineDispatcher();
            var progress = new ConnectProgress(this, approved.Count);
            var service = OrgAuthService.ForCurrentUser(TimeSpan.FromSeconds(TimeoutSec));
            dispatcher.Run(ct => service.ConnectAsync(
                    approved, ThrottleLimit,
                    onResult: result => dispatcher.Post(() => Write(result, progress), () => ReportUnwritten(result)),
                    onVerbose: message => dispatcher.Post(() => WriteVerbose(message)),
                    onWarning: message => dispatcher.Post(() => WriteWarning(message)),
                    onLoginProgress: step => dispatcher.Post(() => progress.Login(step)),
                    ct),
                StopToken);
            progress.Finish();
        }

        private void Write(ConnectResult result, ConnectProgress progress)
        {
            progress.Completed(result.Username);
            if (result.AliasMoved != null) WriteWarning(result.AliasMoved.Message);
            if (result.Error is null) WriteObject(OrgAuthOutput.From(result.View!, asPlainText: false));
            else if (NamedOnCommandLine) ThrowCoreError(result.Error, result.Username);
            else WriteCoreError(result.Error, result.Username);
        }

        // An org stored after the pipeline stopped taking output (Select-Object -First, Ctrl+C) is still told about.
        private void ReportUnwritten(ConnectResult result)
        {
            if (result.View is null) return;
            var message = $"'{result.Username}' was connected and stored, but the pipeline stopped before it could be written; Get-SfOrgAuth '{result.Username}' shows it.";
            try
            {
                WriteWarning(message);
            }
            catch (PipelineStoppedException)
            {
                Host?.UI?.WriteWarningLine(message);
            }
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
                _ when string.IsNullOrWhiteSpace(KeyFile) => KeySource.FromThumbprint(PipedThumbprint!),
                _ => KeySource.FromFile(FileSystemPath(KeyFile, "-KeyFile"), password),
            };
            return request;
        }

        /// <summary>What -WhatIf and -Confirm say will happen for the org.</summary>
        private static string Intent(ConnectRequest request)
        {
            var parts = new List<string>
            {
                $"Sign in by JWT at {(string.IsNullOrWhiteSpace(request.LoginUrl) ? LoginUrlPolicy.DefaultLoginUrl : request.LoginUrl)}",
                request.ProcessScope ? "keep the auth in this process" : "store the auth for the current user",
            };
            if (!string.IsNullOrWhiteSpace(request.Alias)) parts.Add($"alias '{request.Alias}'");
            if (request.SetDefault) parts.Add("make it the default org");
            if (request.SetDefaultDevHub) parts.Add("make it the default Dev Hub");
            if (request.RegisterWithSfCli) parts.Add("register it with the Salesforce CLI");
            return string.Join(", ", parts);
        }
    }
}
