using System;
using System.Net.Http.Headers;

namespace JwtAuth.Core.OAuth
{
    /// <summary>How long to wait before the next attempt. Pure functions, so tests pin them down exactly.</summary>
    internal static class RetryTiming
    {
        /// <summary>Exponential backoff: <paramref name="first"/> × 2^(retry-1), plus up to 25 % jitter, capped.</summary>
        /// <param name="retry">1 for the first retry.</param>
        /// <param name="jitter">A number in [0, 1).</param>
        public static TimeSpan Transport(int retry, TimeSpan first, TimeSpan max, double jitter)
        {
            var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1));
            var withJitter = exponential * (1 + (0.25 * jitter));
            return TimeSpan.FromMilliseconds(Math.Min(withJitter, max.TotalMilliseconds));
        }

        /// <summary>Replication backoff: 5 s, 10 s, 20 s, then the cap (30 s) with the defaults. No jitter needed: one user per wait.</summary>
        public static TimeSpan Replication(int retry, TimeSpan first, TimeSpan max)
        {
            var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1));
            return TimeSpan.FromMilliseconds(Math.Min(exponential, max.TotalMilliseconds));
        }

        /// <summary>Retry-After as a delay (seconds) or an HTTP date; null when absent; never negative.</summary>
        public static TimeSpan? FromRetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
        {
            if (header is null)
            {
                return null;
            }

            if (header.Delta.HasValue)
            {
                return header.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : header.Delta.Value;
            }

            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }
    }
}
