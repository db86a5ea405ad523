using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Infrastructure;

namespace JwtAuth.Commands
{
    /// <summary>
    /// Deletes scratch orgs at their Dev Hub (the ActiveScratchOrg record) and forgets their auths, aliases and default marks
    /// here. Takes SfScratchOrg and SfOrgAuth objects from the pipeline; each org is confirmed (ConfirmImpact High).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SfScratchOrg", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveSfScratchOrgCommand : SfCmdlet
    {
        private ScratchOrgRemover? _remover;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Username")]
        [ArgumentCompleter(typeof(OrgNameCompleter))]
        public string Name { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(OrgNameCompleter))]
        public string? DevHub { get; set; }

        [Parameter]
        public SwitchParameter SfCli { get; set; }

        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 30;

        protected override void ProcessRecord()
        {
            _remover ??= ScratchOrgService.ForCurrentUser(TimeSpan.FromSeconds(TimeoutSec)).StartRemoval();
            try
            {
                var deletion = Run((verbose, warning, ct) => _remover.PrepareAsync(Name, DevHub, SfCli, verbose, warning, ct));
                if (!deletion.HasWork)
                {
                    WriteWarning(deletion.GoneMessage);
                    return;
                }

                if (!ShouldProcess(deletion.Username, deletion.Action)) return;
                var deleted = Run((_, _, ct) => _remover.DeleteAsync(deletion, ct));
                if (deleted) WriteVerbose($"Deleted scratch org {deletion.Username} in Dev Hub {deletion.DevHub} and forgot its auth.");
                else WriteWarning(deletion.GoneMessage);
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                // One named org: its failure ends the command. Piped orgs: each failure is its own, the others go on.
                if (MyInvocation.ExpectingInput) WriteCoreError(ex, Name);
                else ThrowCoreError(ex, Name);
            }
        }

        // The work runs on the thread pool; its verbose and warning lines come back to this (the pipeline) thread.
        private T Run<T>(Func<Action<string>, Action<string>, CancellationToken, Task<T>> work)
        {
            var result = default(T)!;
            using var dispatcher = new PipelineDispatcher();
            dispatcher.Run(async ct => result = await work(
                message => dispatcher.Post(() => WriteVerbose(message)),
                message => dispatcher.Post(() => WriteWarning(message)), ct).ConfigureAwait(false), StopToken);
            return result;
        }
    }
}
