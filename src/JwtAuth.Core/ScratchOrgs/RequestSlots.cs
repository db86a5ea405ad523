using System;
using System.Threading;
using System.Threading.Tasks;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// The run's bound on requests to Salesforce in flight (-ThrottleLimit): an insert, a status read, a token exchange, a
    /// detail read or a deploy request each takes a slot for as long as it is on the wire. Waits hold none (polling intervals,
    /// replication waits, a deploy's pauses), so fifty orgs can all be provisioning while at most the limit of requests run.
    /// </summary>
    internal sealed class RequestSlots : IDisposable
    {
        private readonly SemaphoreSlim _slots;

        public RequestSlots(int limit)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), "At least one request must be allowed.");
            _slots = new SemaphoreSlim(limit, limit);
        }

        public async Task<T> RunAsync<T>(Func<Task<T>> request, CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await request().ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }

        /// <summary>
        /// A delay for waits that happen inside <see cref="RunAsync"/> (a deploy's polls): the slot is given back while waiting and
        /// taken again before the next request. Taking it again ignores cancellation, so the slot count always balances; the
        /// holders it may wait for are cancelled too and let go soon.
        /// </summary>
        public Func<TimeSpan, CancellationToken, Task> WaitingOutside(Func<TimeSpan, CancellationToken, Task> delay) => async (wait, cancellationToken) =>
        {
            _slots.Release();
            try
            {
                await delay(wait, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await _slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        };

        public void Dispose() => _slots.Dispose();
    }
}
