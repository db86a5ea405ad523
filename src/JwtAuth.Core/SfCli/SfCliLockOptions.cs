using System;

namespace JwtAuth.Core.SfCli
{
    /// <summary>
    /// How we take part in the CLI's file locking (npm proper-lockfile as sfdx-core configures it:
    /// a lock older than 10 s is stale and may be taken over).
    /// </summary>
    public sealed class SfCliLockOptions
    {
        /// <summary>A lock folder not touched for this long belongs to a crashed writer; sfdx-core uses 10 s.</summary>
        public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>How long to wait for a lock held by a live writer before giving up.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        public static SfCliLockOptions Default => new SfCliLockOptions();
    }
}
