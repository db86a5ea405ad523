using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Http;
using JwtAuth.Core.OrgApi;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// Waits for requested orgs to become Active or Error: one ScratchOrgInfo query per round for every org still pending
    /// (not one read per org, so fifty orgs cost what one does), on the <see cref="ScratchOrgPolling"/> schedule, each org
    /// for at most the run's wait after it was requested. Time is the sum of the waits, so an injected delay makes it exact.
    /// A hub that refuses the query by Id (a 400: the query is this module's shortcut, not the documented way) is read the
    /// documented way from then on: one GET of each pending record per round, through the request slots.
    /// </summary>
    internal sealed class ScratchOrgWatcher
    {
        private const int IdsPerQuery = 100;
        private const int TransientFailuresInARow = 5;

        private readonly DevHubSession _hub;
        private readonly RequestSlots _slots;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly TimeSpan _wait;
        private readonly Action<string> _verbose;
        private readonly object _gate = new object();
        private readonly List<Watch> _pending = new List<Watch>();
        private TaskCompletionSource<bool> _arrived = NewSignal();
        private TimeSpan _waited;
        private bool _closed;
        private bool _readEachRecord;

        public ScratchOrgWatcher(DevHubSession hub, RequestSlots slots, Func<TimeSpan, CancellationToken, Task> delay, TimeSpan wait, Action<string> verbose)
        {
            _hub = hub;
            _slots = slots;
            _delay = delay;
            _wait = wait;
            _verbose = verbose;
        }

        /// <summary>The record once it is Active, Error or Deleted; a <see cref="ScratchOrgException"/> when the wait runs out or the status cannot be read.</summary>
        /// <param name="onRead">Called with every read of the record, on the watcher's loop.</param>
        public Task<ScratchOrgInfoRecord> WatchAsync(ScratchOrgTicket ticket, Action<ScratchOrgInfoRecord> onRead)
        {
            var watch = new Watch(ticket, onRead);
            lock (_gate)
            {
                if (_closed) throw new InvalidOperationException("The watcher takes no more orgs.");
                watch.Started = _waited;
                _pending.Add(watch);
                _arrived.TrySetResult(true);
            }

            return watch.Done.Task;
        }

        /// <summary>No more orgs will be watched: <see cref="RunAsync"/> returns once the pending ones are done.</summary>
        public void Close()
        {
            lock (_gate)
            {
                _closed = true;
                _arrived.TrySetResult(true);
            }
        }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var failuresInARow = 0;
            try
            {
                while (true)
                {
                    Task? arrival = null;
                    TimeSpan wait;
                    lock (_gate)
                    {
                        if (_pending.Count == 0)
                        {
                            if (_closed) return;
                            // A signal already used up by orgs that are done since: take a fresh one and look again.
                            if (_arrived.Task.IsCompleted)
                            {
                                _arrived = NewSignal();
                                continue;
                            }

                            arrival = _arrived.Task;
                        }

                        wait = arrival is null ? NextWait() : TimeSpan.Zero;
                    }

                    if (arrival != null)
                    {
                        await WhenSignalledAsync(arrival, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    if (wait > TimeSpan.Zero) await _delay(wait, cancellationToken).ConfigureAwait(false);
                    List<Watch> round;
                    lock (_gate)
                    {
                        _waited += wait;
                        round = _pending.ToList();
                    }

                    try
                    {
                        foreach (var chunk in Chunks(round))
                        {
                            var records = await ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                            Dispatch(chunk, records);
                        }

                        failuresInARow = 0;
                    }
                    catch (JwtAuthException ex) when (IsWorthRetrying(ex) && ++failuresInARow < TransientFailuresInARow)
                    {
                        _verbose($"Reading the status of {round.Count} scratch org(s) failed ({ex.Problem}); trying again.");
                    }
                    catch (JwtAuthException ex)
                    {
                        foreach (var watch in round) Finish(watch, ScratchOrgErrors.StatusUnreadable(watch.Ticket, _hub.Name, ex));
                    }

                    ExpireOverdue();
                }
            }
            catch (Exception ex)
            {
                // Cancelled (Ctrl+C) or broken: nobody may wait for a read that will not come.
                lock (_gate)
                {
                    foreach (var watch in _pending)
                    {
                        if (ex is OperationCanceledException) watch.Done.TrySetCanceled();
                        else watch.Done.TrySetException(ex);
                    }

                    _pending.Clear();
                }

                throw;
            }
        }

        // The youngest pending org sets the pace (it is the one still in its first seconds); none waits past its deadline.
        private TimeSpan NextWait()
        {
            var wait = _pending.Min(w => ScratchOrgPolling.NextWait(_waited - w.Started));
            var untilDeadline = _pending.Min(w => w.Started + _wait - _waited);
            return untilDeadline < wait ? (untilDeadline > TimeSpan.Zero ? untilDeadline : TimeSpan.Zero) : wait;
        }

        private async Task<IReadOnlyList<JObject>> ReadAsync(IReadOnlyList<Watch> chunk, CancellationToken cancellationToken)
        {
            if (!_readEachRecord)
            {
                var ids = string.Join(", ", chunk.Select(w => ScratchOrgInfoRecord.Literal(w.Ticket.ScratchOrgInfoId!)));
                var soql = $"SELECT {ScratchOrgInfoRecord.Fields} FROM ScratchOrgInfo WHERE Id IN ({ids})";
                try
                {
                    return await _slots.RunAsync(() => _hub.CallAsync(api => api.QueryAsync(soql, cancellationToken), cancellationToken), cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (OrgApiException ex) when (ex.StatusCode == 400)
                {
                    _readEachRecord = true;
                    _verbose($"{_hub.Name} refused the status query of {chunk.Count} scratch org(s) ({ex.ErrorCode ?? ex.Problem}); reading each ScratchOrgInfo record instead.");
                }
            }

            var reads = chunk.Select(w => _slots.RunAsync(
                () => _hub.CallAsync(api => api.GetAsync("ScratchOrgInfo", w.Ticket.ScratchOrgInfoId!, cancellationToken: cancellationToken), cancellationToken),
                cancellationToken));
            return await Task.WhenAll(reads).ConfigureAwait(false);
        }

        private void Dispatch(IReadOnlyList<Watch> chunk, IReadOnlyList<JObject> rows)
        {
            foreach (var record in rows.Select(ScratchOrgInfoRecord.From))
            {
                // Ids compare by their first 15 characters: Salesforce may answer with either form.
                var watch = chunk.FirstOrDefault(w => SameId(w.Ticket.ScratchOrgInfoId, record.Id));
                if (watch is null) continue;
                watch.OnRead(record);
                if (record.Status == ScratchOrgStatus.Active || record.Status == ScratchOrgStatus.Error || record.Status == ScratchOrgStatus.Deleted)
                    Finish(watch, record);
            }
        }

        private void ExpireOverdue()
        {
            List<Watch> overdue;
            TimeSpan waited;
            lock (_gate)
            {
                waited = _waited;
                overdue = _pending.Where(w => waited - w.Started >= _wait).ToList();
            }

            foreach (var watch in overdue) Finish(watch, ScratchOrgErrors.NotReady(watch.Ticket, waited - watch.Started, _hub.Name));
        }

        private void Finish(Watch watch, ScratchOrgInfoRecord record)
        {
            lock (_gate) _pending.Remove(watch);
            watch.Done.TrySetResult(record);
        }

        private void Finish(Watch watch, Exception error)
        {
            lock (_gate) _pending.Remove(watch);
            watch.Done.TrySetException(error);
        }

        // A dropped connection, a 5xx or a throttled hub: the next round may well work. Anything else will not get better.
        private static bool IsWorthRetrying(JwtAuthException ex) =>
            (ex is TokenEndpointException transport && transport.IsTransient)
            || (ex is OrgApiException api && (api.StatusCode >= 500 || api.ErrorId == OrgApiErrors.RequestLimitExceeded));

        private static bool SameId(string? a, string? b) =>
            a != null && b != null && a.Length >= 15 && b.Length >= 15 && string.CompareOrdinal(a, 0, b, 0, 15) == 0;

        private static IEnumerable<IReadOnlyList<Watch>> Chunks(List<Watch> round)
        {
            for (var i = 0; i < round.Count; i += IdsPerQuery) yield return round.Skip(i).Take(IdsPerQuery).ToList();
        }

        private static async Task WhenSignalledAsync(Task signal, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetCanceled()))
            {
                await (await Task.WhenAny(signal, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }

        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        private sealed class Watch
        {
            public Watch(ScratchOrgTicket ticket, Action<ScratchOrgInfoRecord> onRead)
            {
                Ticket = ticket;
                OnRead = onRead;
            }

            public ScratchOrgTicket Ticket { get; }
            public Action<ScratchOrgInfoRecord> OnRead { get; }
            public TimeSpan Started { get; set; }
            public TaskCompletionSource<ScratchOrgInfoRecord> Done { get; } =
                new TaskCompletionSource<ScratchOrgInfoRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
