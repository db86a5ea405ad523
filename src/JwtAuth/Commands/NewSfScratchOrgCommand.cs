using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Infrastructure;

namespace JwtAuth.Commands
{
    /// <summary>
    /// Creates scratch orgs through a connected Dev Hub, logs in to each by JWT with the hub's connected app and key, and stores
    /// it. Each SfScratchOrg is written as soon as its org is connected (completion order); one org's failure is its own error.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "SfScratchOrg", DefaultParameterSetName = EditionSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(SfScratchOrg))]
    public sealed class NewSfScratchOrgCommand : SfCmdlet
    {
        private const string EditionSet = "Edition";
        private const string DefinitionFileSet = "DefinitionFile";
        private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

        [Parameter]
        [ArgumentCompleter(typeof(OrgNameCompleter))]
        public string? DevHub { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DefinitionFileSet)]
        [Alias("DefinitionFilePath")]
        public string DefinitionFile { get; set; } = string.Empty;

        [Parameter(ParameterSetName = EditionSet)]
        [ArgumentCompleter(typeof(EditionCompleter))]
        public string? Edition { get; set; }

        [Parameter]
        [ValidateRange(1, ScratchOrgRequest.MaxCount)]
        public int Count { get; set; } = 1;

        [Parameter]
        [ValidateRange(1, 30)]
        public int DurationDays { get; set; } = 7;

        [Parameter]
        public string? Alias { get; set; }

        [Parameter]
        public string? AliasPrefix { get; set; }

        [Parameter]
        public SwitchParameter SetDefault { get; set; }

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = ScratchOrgRequest.DefaultThrottleLimit;

        [Parameter]
        [ValidateRange(1, 86400)]
        public int WaitSec { get; set; } = 900;

        [Parameter]
        public SwitchParameter SfCli { get; set; }

        [Parameter]
        public SecureString? KeyPassword { get; set; }

        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 30;

        protected override void EndProcessing()
        {
            var service = ScratchOrgService.ForCurrentUser(TimeSpan.FromSeconds(TimeoutSec));
            ScratchOrgPlan plan;
            try
            {
                plan = service.Prepare(BuildRequest());
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                ThrowCoreError(ex, DevHub);
                return;
            }

            foreach (var warning in plan.Warnings) WriteWarning(warning);
            var hub = plan.DevHubName;
            if (!ShouldProcess(hub, Count == 1 ? "Create a scratch org" : $"Create {Count} scratch orgs")) return;

            var progress = new ScratchOrgProgressBar(this, Count, hub);
            var written = new HashSet<int>();
            Exception? onlyOrgFailed = null;
            object? onlyOrgTarget = null;
            var started = new TaskCompletionSource<Task<ScratchOrgRun>>();
            using var dispatcher = new PipelineDispatcher();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
            var events = new ScratchOrgEvents
            {
                OnResult = outcome => dispatcher.Post(() =>
                {
                    written.Add(outcome.Ticket.Index);
                    if (outcome.Org != null) WriteObject(ScratchOrgOutput.From(outcome.Org));
                    if (outcome.Error is null) return;
                    var target = (object?)outcome.Org?.Username ?? outcome.Ticket.ScratchOrgInfoId;
                    // One org asked for is like one named object: its failure ends the command (after its object, if it was stored).
                    if (Count == 1)
                    {
                        onlyOrgFailed = outcome.Error;
                        onlyOrgTarget = target;
                    }
                    else
                    {
                        WriteCoreError(outcome.Error, target);
                    }
                }),
                OnProgress = p => dispatcher.Post(() => progress.Update(p)),
                OnError = error => dispatcher.Post(() => WriteCoreError(error, hub)),
                OnVerbose = message => dispatcher.Post(() => WriteVerbose(message)),
                OnWarning = message => dispatcher.Post(() => WriteWarning(message)),
            };

            var ended = false;
            try
            {
                dispatcher.Run(ct =>
                {
                    var run = service.CreateAsync(plan, events, ct);
                    started.TrySetResult(run);
                    return run;
                }, stop.Token);
                ended = true;
            }
            catch (JwtAuthException ex)
            {
                // Before the first insert (the hub's key or token, the limits): nothing was created.
                ended = true;
                ThrowCoreError(ex, hub);
            }
            finally
            {
                // Ctrl+C, a downstream Select-Object -First, or -ErrorAction Stop on one org's error: stop every step and wait
                // for it (nothing is stored after this returns), then name every org that was requested and not written.
                if (!ended)
                {
                    stop.Cancel();
                    ReportUnwritten(started.Task, written, hub);
                }
            }

            progress.Finish();
            if (onlyOrgFailed != null) ThrowCoreError(onlyOrgFailed, onlyOrgTarget);
        }

        private void ReportUnwritten(Task<Task<ScratchOrgRun>> started, ICollection<int> written, string hub)
        {
            if (!started.IsCompleted) return;
            var running = started.Result;
            try
            {
                if (!running.Wait(StopGrace)) return;
            }
            catch (AggregateException)
            {
                return;
            }

            foreach (var message in ScratchOrgStopReport.Messages(running.Result, written, hub))
            {
                try
                {
                    WriteWarning(message);
                }
                catch (PipelineStoppedException)
                {
                    // A stopped pipeline takes no more output; the host still shows the user what was left behind.
                    Host.UI.WriteWarningLine(message);
                }
            }
        }

        private ScratchOrgRequest BuildRequest() => new ScratchOrgRequest
        {
            DevHub = DevHub,
            DefinitionFile = ParameterSetName == DefinitionFileSet ? ResolveFileSystemPath(DefinitionFile, "-DefinitionFile") : null,
            Edition = Edition,
            Count = Count,
            DurationDays = DurationDays,
            Alias = Alias,
            AliasPrefix = AliasPrefix,
            SetDefault = SetDefault,
            ThrottleLimit = ThrottleLimit,
            Wait = TimeSpan.FromSeconds(WaitSec),
            RegisterWithSfCli = SfCli,
            KeyPassword = SecureStrings.Reveal(KeyPassword),
        };
    }
}
