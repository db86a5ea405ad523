using System;
using System.Management.Automation;
using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Infrastructure;

namespace JwtAuth.Commands
{
    /// <summary>
    /// Lists a Dev Hub's scratch orgs from its ScratchOrgInfo records, with what Connect-SfOrgJwt needs to log in to each
    /// with the hub's connected app and key: on a machine that has only the Dev Hub, piping this into Connect-SfOrgJwt
    /// connects them all.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SfScratchOrg")]
    [OutputType(typeof(SfScratchOrg))]
    public sealed class GetSfScratchOrgCommand : SfCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string? Username { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(OrgNameCompleter))]
        public string? DevHub { get; set; }

        [Parameter]
        public SwitchParameter All { get; set; }

        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 30;

        protected override void EndProcessing()
        {
            var service = ScratchOrgService.ForCurrentUser(TimeSpan.FromSeconds(TimeoutSec));
            ScratchOrgListing? listing = null;
            using (var dispatcher = new PipelineDispatcher())
            {
                try
                {
                    dispatcher.Run(async ct => listing = await service.ListAsync(DevHub, Username, All,
                        message => dispatcher.Post(() => WriteVerbose(message)),
                        warning => dispatcher.Post(() => WriteWarning(warning)), ct).ConfigureAwait(false), StopToken);
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    // The one Dev Hub this lists could not be read: nothing to list.
                    ThrowCoreError(ex, DevHub);
                }
            }

            foreach (var org in listing!.Orgs) WriteObject(ScratchOrgOutput.From(org));
            foreach (var missing in listing.NotFound) WriteCoreError(missing, Username);
        }
    }
}
