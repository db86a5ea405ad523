using System;
using System.Linq;
using System.Management.Automation;
using JwtAuth.Core.Service;
using JwtAuth.Infrastructure;

namespace JwtAuth.Commands
{
    /// <summary>
    /// Lists authorized orgs. Asked for particular orgs (by name or default), it hands back a working
    /// token: the stored one while Salesforce accepts it, else a fresh one minted with the stored key.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SfOrgAuth", DefaultParameterSetName = "JwtAuth")]
    [OutputType(typeof(SfOrgAuth), typeof(SfOrgAuthPlainText))]
    public sealed class GetSfOrgAuthCommand : SfCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Username")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(OrgNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "JwtAuth")]
        public SwitchParameter DefaultOrg { get; set; }

        [Parameter(ParameterSetName = "JwtAuth")]
        public SwitchParameter DefaultDevHub { get; set; }

        [Parameter(ParameterSetName = "JwtAuth")]
        public SwitchParameter Refresh { get; set; }

        [Parameter(ParameterSetName = "JwtAuth")]
        public SwitchParameter AsPlainText { get; set; }

        [Parameter(ParameterSetName = "JwtAuth")]
        public System.Security.SecureString? KeyPassword { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "SfCli")]
        public SwitchParameter SfCli { get; set; }

        protected override void ProcessRecord()
        {
            var service = OrgAuthService.ForCurrentUser(TimeSpan.FromSeconds(30));
            if (SfCli)
            {
                OrgAuthListing cliListing;
                try
                {
                    cliListing = service.ListSfCli(Name);
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    // e.g. no home folder: a typed error with its stable id, not a crash of the listing.
                    WriteCoreError(ex, null);
                    return;
                }
                foreach (var problem in cliListing.Problems) WriteCoreError(problem, null);
                foreach (var view in cliListing.Auths) WriteObject(OrgAuthOutput.From(view, asPlainText: false));
                WriteNotFound(cliListing.Unmatched);
                return;
            }

            var listing = service.List(Name, DefaultOrg, DefaultDevHub);
            foreach (var problem in listing.Problems) WriteCoreError(problem, null);
            WriteNotFound(listing.Unmatched);

            // A plain listing is a view of what is stored; a request for particular orgs wants tokens that work.
            var wantsWorkingTokens = Refresh || DefaultOrg || DefaultDevHub || (Name?.Length > 0);
            if (!wantsWorkingTokens)
            {
                foreach (var view in listing.Auths) WriteObject(OrgAuthOutput.From(view, AsPlainText));
                return;
            }

            using var dispatcher = new PipelineDispatcher();
            dispatcher.Run(async ct =>
            {
                foreach (var view in listing.Auths)
                {
                    try
                    {
                        var fresh = await service.EnsureWorkingTokenAsync(view, Refresh, SecureStrings.Reveal(KeyPassword),
                            message => dispatcher.Post(() => WriteVerbose(message)),
                            warning => dispatcher.Post(() => WriteWarning(warning)), ct).ConfigureAwait(false);
                        dispatcher.Post(() => WriteObject(OrgAuthOutput.From(fresh, AsPlainText)));
                    }
                    catch (Exception ex) when (!(ex is OperationCanceledException))
                    {
                        dispatcher.Post(() => WriteCoreError(ex, view.Auth.Username));
                    }
                }
            }, StopToken);
        }

        private void WriteNotFound(System.Collections.Generic.IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"No authorized org matches '{name}'. Run Get-SfOrgAuth to list the orgs, or Connect-SfOrgJwt to authorize it."),
                    "OrgAuthNotFound", ErrorCategory.ObjectNotFound, name));
            }
        }
    }
}
