using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.OrgApi;

namespace JwtAuth.Core.OrgDetails
{
    /// <summary>
    /// The latest REST API version per instance host, asked once and shared by every login on that instance (a bulk
    /// login of many scratch orgs on one instance asks once). Failures are not cached: the next login asks again.
    /// </summary>
    internal sealed class ApiVersionCache
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _latest =
            new ConcurrentDictionary<string, Lazy<Task<string>>>(StringComparer.OrdinalIgnoreCase);

        private int _requests;

        /// <summary>How many /services/data requests were made (the cache's effect, for tests and benchmarks).</summary>
        public int Requests => Volatile.Read(ref _requests);

        public async Task<string> GetLatestAsync(OrgRest rest, CancellationToken cancellationToken)
        {
            var key = rest.Instance.GetLeftPart(UriPartial.Authority);
            var entry = _latest.GetOrAdd(key, _ => new Lazy<Task<string>>(() => FetchAsync(rest)));
            try
            {
                return await WithCancellation(entry.Value, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
            {
                ((ICollection<KeyValuePair<string, Lazy<Task<string>>>>)_latest).Remove(new KeyValuePair<string, Lazy<Task<string>>>(key, entry));
                throw;
            }
        }

        // Shared by every login on the instance, so it runs under the request timeout only, not one caller's token.
        private Task<string> FetchAsync(OrgRest rest)
        {
            Interlocked.Increment(ref _requests);
            return ApiVersionList.FetchLatestAsync(rest, CancellationToken.None);
        }

        private static async Task<T> WithCancellation<T>(Task<T> task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || task.IsCompleted)
            {
                return await task.ConfigureAwait(false);
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            return await task.ConfigureAwait(false);
        }
    }
}
