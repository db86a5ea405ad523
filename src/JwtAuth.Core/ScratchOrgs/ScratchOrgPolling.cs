using System;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// How often a requested org's status is read, and how often its new admin's login is tried again while the user
    /// replicates: a pure schedule, so tests pin down every wait.
    /// </summary>
    internal static class ScratchOrgPolling
    {
        public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
        public static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

        /// <summary>
        /// The wait before the next status read after <paramref name="waited"/> in total: every second for the first ten seconds,
        /// then a tenth of the time waited so far (so an org is seen Active at most about a tenth of its provisioning time late),
        /// never more than ten seconds. With the usual one to a few minutes of provisioning that is some 20 to 40 reads per org run.
        /// </summary>
        public static TimeSpan NextWait(TimeSpan waited)
        {
            var tenth = TimeSpan.FromMilliseconds(Math.Round(waited.TotalMilliseconds / 10));
            return tenth < First ? First : tenth > Longest ? Longest : tenth;
        }
    }
}
