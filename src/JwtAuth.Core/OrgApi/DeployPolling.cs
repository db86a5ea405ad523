using System;

namespace JwtAuth.Core.OrgApi
{
    /// <summary>How often a Metadata deploy's status is asked for, and how long in total the caller waits for it to finish.</summary>
    public sealed class DeployPolling
    {
        public DeployPolling(TimeSpan interval, TimeSpan timeout)
        {
            if (interval <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(interval), "The polling interval must be positive.");
            }

            if (timeout < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), "The timeout must not be negative.");
            }

            Interval = interval;
            Timeout = timeout;
        }

        /// <summary>Every 2 seconds, for up to 10 minutes.</summary>
        public static DeployPolling Default { get; } = new DeployPolling(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10));

        /// <summary>The wait between status requests.</summary>
        public TimeSpan Interval { get; }

        /// <summary>The bound on the waits in total (the waited time counts, so injected delays in tests stay exact).</summary>
        public TimeSpan Timeout { get; }
    }
}
