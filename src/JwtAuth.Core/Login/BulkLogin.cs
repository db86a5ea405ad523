using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Login
{
    /// <summary>
    /// Many logins over one <see cref="SalesforceLoginClient"/> (one connection pool), run as the client's two stages
    /// under two throttles: at most <c>throttleLimit</c> token exchanges at a time, and at most twice that many org-detail
    /// reads. A login's exchange slot passes to the next org as soon as its token arrives, so its detail read overlaps the
    /// next exchanges and a batch costs about one round trip per org and throttle slot, not two. The detail stage gets
    /// twice the slots because it takes up to two round trips (API versions, then the queries) where an exchange takes
    /// one; fewer would stall the exchanges behind it. Each result is reported as soon as its login completes; one
    /// failure does not stop the others.
    /// </summary>
    public static class BulkLogin
    {
        /// <summary>
        /// Runs the logins and calls <paramref name="onEachCompleted"/> once per request, one call at a time
        /// (the callback need not be thread-safe), in completion order.
        /// </summary>
        /// <remarks>
        /// Both the callback and <paramref name="progress"/> run on worker threads; a cmdlet marshals them to its
        /// pipeline thread. <paramref name="progress"/> may be called from several logins at once.
        /// </remarks>
        /// <exception cref="OperationCanceledException">Cancelled: logins not yet finished are not reported.</exception>
        public static async Task LoginManyAsync(SalesforceLoginClient client, IEnumerable<JwtLoginRequest> requests,
            RSA key, KeyReference keyReference, int throttleLimit, Func<BulkLoginResult, Task> onEachCompleted,
            IProgress<LoginProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            if (client is null)
            {
                throw new ArgumentNullException(nameof(client));
            }

            if (requests is null)
            {
                throw new ArgumentNullException(nameof(requests));
            }

            if (onEachCompleted is null)
            {
                throw new ArgumentNullException(nameof(onEachCompleted));
            }

            if (throttleLimit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(throttleLimit), "throttleLimit must be at least 1.");
            }

            using var exchangeSlots = new SemaphoreSlim(throttleLimit, throttleLimit);
            var followUpLimit = throttleLimit > int.MaxValue / 2 ? int.MaxValue : 2 * throttleLimit;
            using var detailSlots = new SemaphoreSlim(followUpLimit, followUpLimit);
            using var reporting = new SemaphoreSlim(1, 1);
            var running = new List<Task>();
            var index = 0;
            try
            {
                foreach (var request in requests)
                {
                    // Waiting here (not inside each task) keeps at most throttleLimit logins started, even for huge inputs.
                    await exchangeSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    running.Add(RunOneAsync(client, request, index++, key, keyReference, onEachCompleted, progress, exchangeSlots, detailSlots, reporting, cancellationToken));
                    running.RemoveAll(t => t.IsCompleted && !t.IsFaulted && !t.IsCanceled);
                }
            }
            catch
            {
                // Let started logins finish (they see the same token) before the semaphores go away.
                try
                {
                    await Task.WhenAll(running).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The loop's own exception is the one to surface.
                }

                throw;
            }

            await Task.WhenAll(running).ConfigureAwait(false);
        }

        /// <summary>As above with a synchronous callback.</summary>
        public static Task LoginManyAsync(SalesforceLoginClient client, IEnumerable<JwtLoginRequest> requests,
            RSA key, KeyReference keyReference, int throttleLimit, Action<BulkLoginResult> onEachCompleted,
            IProgress<LoginProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            if (onEachCompleted is null)
            {
                throw new ArgumentNullException(nameof(onEachCompleted));
            }

            return LoginManyAsync(client, requests, key, keyReference, throttleLimit, result =>
            {
                onEachCompleted(result);
                return Task.CompletedTask;
            }, progress, cancellationToken);
        }

        private static async Task RunOneAsync(SalesforceLoginClient client, JwtLoginRequest request, int index, RSA key,
            KeyReference keyReference, Func<BulkLoginResult, Task> onEachCompleted, IProgress<LoginProgress>? progress,
            SemaphoreSlim exchangeSlots, SemaphoreSlim detailSlots, SemaphoreSlim reporting, CancellationToken cancellationToken)
        {
            BulkLoginResult result;
            try
            {
                await Task.Yield();
                var auth = await LoginInStagesAsync(client, request, key, keyReference, progress, exchangeSlots, detailSlots, cancellationToken)
                    .ConfigureAwait(false);
                result = new BulkLoginResult(index, request, auth, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                result = new BulkLoginResult(index, request, null, ex);
            }

            // Both slots are free by now, so a slow consumer does not hold back the next login.
            await reporting.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await onEachCompleted(result).ConfigureAwait(false);
            }
            finally
            {
                reporting.Release();
            }
        }

        /// <summary>The exchange under the exchange slot the caller took, then the detail read under a detail slot.</summary>
        private static async Task<OrgAuth> LoginInStagesAsync(SalesforceLoginClient client, JwtLoginRequest request, RSA key,
            KeyReference keyReference, IProgress<LoginProgress>? progress, SemaphoreSlim exchangeSlots, SemaphoreSlim detailSlots,
            CancellationToken cancellationToken)
        {
            TokenGrant grant;
            try
            {
                grant = await client.ExchangeTokenAsync(request, key, keyReference, progress, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                exchangeSlots.Release();
            }

            await detailSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await client.ReadOrgDetailsAsync(grant, progress, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                detailSlots.Release();
            }
        }
    }
}
