using System;

namespace JwtAuth.Core.Login
{
    /// <summary>How long to wait before the next attempt. Pure functions, so tests pin them down exactly.</summary>
    internal static class RetryTiming
    {
        /// <summary>The one wait before retrying a refused connection (nothing listening): short, because a second refusal ends the login.</summary>
        public static readonly TimeSpan RefusedConnection = TimeSpan.FromMilliseconds(250);

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
    }
}
