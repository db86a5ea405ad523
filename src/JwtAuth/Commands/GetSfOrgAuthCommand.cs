using System;
using System.Management.Automation;
using JwtAuth.Core.Service;
using JwtAuth.Infrastructure;

namespace JwtAuth.Commands
{
    /// <summary>
    /// Lists authorized orgs. Asked for particular orgs (by name or default), it hands back a working
    /// token: the stored one while Salesforce accepts it, else a fresh one minted with the stored key.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SfOrgAuth", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(SfOrgAuth), typeof(SfOrgAuthPlainText))]
    public sealed class GetSfOrgAuthCommand : SfCmdlet
    {
        // Names and the default switches are separate sets, so "Get-SfOrgAuth feature1 -DefaultDevHub" is refused
        // by the binder instead of being read as "feature1, if it is the default Dev Hub".
        private const string ByNameSet = "ByName";
        private const string DefaultOrgSet = "DefaultOrg";
        private const string DefaultDevHubSet = "DefaultDevHub";
        private const string SfCliSet = "SfCli";

        [Parameter(ParameterSetName = ByNameSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = SfCliSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Username")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(OrgNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DefaultOrgSet)]
        public SwitchParameter DefaultOrg { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DefaultDevHubSet)]
        public SwitchParameter DefaultDevHub { get; set; }

        [Parameter(ParameterSetName = ByNameSet)]
        [Parameter(ParameterSetName = DefaultOrgSet)]
        [Parameter(ParameterSetName = DefaultDevHubSet)]
        public SwitchParameter Refresh { get; set; }

        [Parameter(ParameterSetName = ByNameSet)]
        [Parameter(ParameterSetName = DefaultOrgSet)]
        [Parameter(ParameterSetName = DefaultDevHubSet)]
        public SwitchParameter AsPlainText { get; set; }

        [Parameter(ParameterSetName = ByNameSet)]
        [Parameter(ParameterSetName = DefaultOrgSet)]
        [Parameter(ParameterSetName = DefaultDevHubSet)]
        public System.Security.SecureString? KeyPassword { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SfCliSet)]
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
                foreach (var missing in cliListing.NotFound) WriteCoreError(missing, null);
                return;
            }

            var listing = service.List(Name, DefaultOrg, DefaultDevHub);
            foreach (var problem in listing.Problems) WriteCoreError(problem, null);
            foreach (var missing in listing.NotFound) WriteCoreError(missing, null);

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
    }
}
