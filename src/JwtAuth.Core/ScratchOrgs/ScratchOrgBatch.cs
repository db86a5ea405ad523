using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using JwtAuth.Core.OrgApi;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// One New-SfScratchOrg run: the Dev Hub's token and limits first, then every org at once through the same steps
    /// (insert, wait for Active, log in, store, deploy settings), with at most -ThrottleLimit requests in flight. Each org is
    /// reported as soon as it is done; one that fails gets its own error and the others go on. When the run is cancelled,
    /// every step stops, nothing is stored afterwards, and the run still names every org it requested.
    /// </summary>
    internal sealed class ScratchOrgBatch
    {
        private const string ScratchOrgInfo = "ScratchOrgInfo";

        private readonly ScratchOrgContext _context;
        private readonly ScratchOrgPlan _plan;
        private readonly ScratchOrgEvents _events;
        private readonly IReadOnlyList<ScratchOrgTicket> _tickets;
        private readonly int[] _levels;
        private readonly int[] _reached = new int[4];
        private readonly object _gate = new object();
        private int _failed;
        private int _notSent;
        private ScratchOrgException? _refusal;

        public ScratchOrgBatch(ScratchOrgContext context, ScratchOrgPlan plan, ScratchOrgEvents events)
        {
            _context = context;
            _plan = plan;
            _events = events;
            _tickets = Enumerable.Range(0, plan.Request.Count).Select(i => new ScratchOrgTicket(i, plan.Request.AliasFor(i))).ToList();
            _levels = new int[_tickets.Count];
        }

        /// <summary>
        /// Runs the batch. Problems before the first insert (the hub's key or token, the limits) are thrown: nothing was created.
        /// A cancellation ends every step and returns the run marked stopped instead of throwing, so the caller can name the orgs.
        /// </summary>
        public async Task<ScratchOrgRun> RunAsync(CancellationToken cancellationToken)
        {
            var request = _plan.Request;
            var verbose = _events.OnVerbose;
            using var slots = new RequestSlots(request.ThrottleLimit);
            // The key first: a hub whose key cannot be had is refused before any call.
            using var key = DevHubSession.LoadKey(_context, _plan.DevHub, request.KeyPassword);
            DevHubSession hub;
            try
            {
                hub = await DevHubSession.OpenAsync(_context, _plan.DevHub, request.KeyPassword, verbose, _events.OnWarning, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new ScratchOrgRun(_tickets, stopped: true);
            }

            try
            {
                await ScratchOrgLimitsCheck.EnsureRoomAsync(hub, slots, request.Count, verbose, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new ScratchOrgRun(_tickets, stopped: true);
            }

            var steps = new Steps(
                new ScratchOrgWatcher(hub, slots, _context.Client.Delay, request.Wait, verbose),
                new ScratchOrgLogin(_context, slots, key, hub),
                new ScratchOrgSettingsDeployer(_context, slots),
                new ScratchOrgSaver(_context, hub, request.RegisterWithSfCli));
            using (steps.Saver)
            {
                verbose($"Requesting {request.Count} scratch org(s) from {hub.Username}, at most {request.ThrottleLimit} request(s) at a time.");
                Report();
                var watching = steps.Watcher.RunAsync(cancellationToken);
                var orgs = _tickets.Select(t => RunOneAsync(t, hub, slots, steps, cancellationToken)).ToList();
                var all = Task.WhenAll(orgs);
                try
                {
                    await all.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Every org's task is done (WhenAll waits for all): the watcher is stopped below.
                }
                finally
                {
                    steps.Watcher.Close();
                }

                try
                {
                    await watching.ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                }

                if (cancellationToken.IsCancellationRequested) return new ScratchOrgRun(_tickets, stopped: true);
                if (_notSent > 0 && _refusal != null) _events.OnError(ScratchOrgSignupErrors.NotRequested(_notSent, _tickets.Count, _refusal));
                return new ScratchOrgRun(_tickets, stopped: false);
            }
        }

        private async Task RunOneAsync(ScratchOrgTicket ticket, DevHubSession hub, RequestSlots slots, Steps steps, CancellationToken cancellationToken)
        {
            var verbose = _events.OnVerbose;
            ScratchOrgInfoRecord record;
            try
            {
                var id = await InsertAsync(ticket, hub, slots, cancellationToken).ConfigureAwait(false);
                if (id is null) return;
                ticket.Requested(id);
                Reach(ticket, 1);
                verbose($"Requested scratch org {ticket.Describe()}.");
                cancellationToken.ThrowIfCancellationRequested();

                record = await steps.Watcher.WatchAsync(ticket, read =>
                {
                    if (ticket.Saw(read)) Reach(ticket, 2);
                }).ConfigureAwait(false);
                if (record.Status != ScratchOrgStatus.Active) throw ScratchOrgSignupErrors.SignupFailed(record, hub.Name);
                ticket.Activated(record);
                Reach(ticket, 3);
                verbose($"Scratch org {ticket.Describe()} is Active at {record.LoginUrl}.");

                Model.OrgAuth auth;
                ScratchOrgView view;
                try
                {
                    auth = await steps.Login.LoginAsync(record, verbose, cancellationToken).ConfigureAwait(false);
                    var stored = await steps.Saver.SaveAsync(auth, ticket.Alias, _plan.Request.SetDefault, _events.OnWarning, cancellationToken).ConfigureAwait(false);
                    view = ScratchOrgView.From(record, hub.Hub.Auth, stored);
                    ticket.Connected(view);
                    Reach(ticket, 4);
                }
                catch (JwtAuthException ex) when (!(ex is ScratchOrgException))
                {
                    throw ScratchOrgErrors.NotConnected(record, hub.Name, ex);
                }

                if (!_plan.Definition.Settings.IsEmpty)
                {
                    try
                    {
                        await steps.Deployer.DeployAsync(auth, record, _plan.Definition.Settings, hub.ApiVersion, verbose, cancellationToken).ConfigureAwait(false);
                    }
                    catch (ScratchOrgException ex)
                    {
                        Finish(ticket, view, ex);
                        return;
                    }
                }

                Finish(ticket, view, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                Finish(ticket, ticket.Stored, ex);
            }
        }

        /// <summary>The new record's id; null when the insert was not sent (Salesforce refused the request for another org).</summary>
        private async Task<string?> InsertAsync(ScratchOrgTicket ticket, DevHubSession hub, RequestSlots slots, CancellationToken cancellationToken)
        {
            var id = await slots.RunAsync(async () =>
            {
                if (Volatile.Read(ref _refusal) != null) return null;
                ticket.Sending();
                try
                {
                    // An insert on its way is not abandoned on Ctrl+C: its answer is the record id, without which a stop could
                    // not name an org that Salesforce is creating. The request timeout bounds the wait.
                    return await hub.CallAsync(api => api.InsertAsync(ScratchOrgInfo, _plan.Definition.CreateInsertBody(), CancellationToken.None), CancellationToken.None)
                        .ConfigureAwait(false);
                }
                catch (OrgApiException ex)
                {
                    // Noted while the slot is still held, so no insert waiting for it goes out after the refusal.
                    ticket.NotSent();
                    var refused = ScratchOrgSignupErrors.Refused(ex, hub.Name);
                    if (ScratchOrgSignupErrors.RefusesEveryCopy(ex)) Interlocked.CompareExchange(ref _refusal, refused, null);
                    throw refused;
                }
                catch (JwtAuthException ex)
                {
                    // No usable answer: the insert may have reached Salesforce, so the ticket stays "being requested".
                    throw ScratchOrgErrors.RequestUnanswered(hub.Name, ex);
                }
            }, cancellationToken).ConfigureAwait(false);
            if (id is null) Interlocked.Increment(ref _notSent);
            return id;
        }

        private void Finish(ScratchOrgTicket ticket, ScratchOrgView? org, Exception? error)
        {
            ticket.Ended(error is null ? null : error is Errors.JwtAuthException known ? known.Problem : error.GetType().Name);
            if (error != null)
            {
                lock (_gate) _failed++;
            }

            Report();
            _events.OnResult(new ScratchOrgOutcome(ticket, org, error));
        }

        /// <summary>Counts the ticket into every stage up to <paramref name="level"/> (1 requested .. 4 connected) it had not reached.</summary>
        private void Reach(ScratchOrgTicket ticket, int level)
        {
            lock (_gate)
            {
                while (_levels[ticket.Index] < level) _reached[_levels[ticket.Index]++]++;
                Report();
            }
        }

        // Under the lock, so the snapshots go out in the order they were taken.
        private void Report()
        {
            lock (_gate)
            {
                var quarters = _tickets.Sum(t => t.Stage == ScratchOrgStage.Failed ? 4 : _levels[t.Index]);
                _events.OnProgress(new ScratchOrgProgress(_tickets.Count, _reached[0], _reached[1], _reached[2], _reached[3], _failed,
                    (int)(quarters * 25L / Math.Max(1, _tickets.Count))));
            }
        }

        private sealed class Steps
        {
            public Steps(ScratchOrgWatcher watcher, ScratchOrgLogin login, ScratchOrgSettingsDeployer deployer, ScratchOrgSaver saver)
            {
                Watcher = watcher;
                Login = login;
                Deployer = deployer;
                Saver = saver;
            }

            public ScratchOrgWatcher Watcher { get; }
            public ScratchOrgLogin Login { get; }
            public ScratchOrgSettingsDeployer Deployer { get; }
            public ScratchOrgSaver Saver { get; }
        }
    }
}
