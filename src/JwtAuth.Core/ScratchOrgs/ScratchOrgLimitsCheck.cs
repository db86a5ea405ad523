using System;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using JwtAuth.Core.OrgApi;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// Before anything is inserted: the Dev Hub's DailyScratchOrgs and ActiveScratchOrgs (<c>/limits</c>), so a run that
    /// cannot finish creates nothing instead of stopping halfway with LIMIT_EXCEEDED.
    /// </summary>
    internal static class ScratchOrgLimitsCheck
    {
        public const string Daily = "DailyScratchOrgs";
        public const string Active = "ActiveScratchOrgs";

        /// <exception cref="ScratchOrgException">ScratchOrgLimitExceeded when <paramref name="count"/> is more than both limits leave.</exception>
        public static async Task EnsureRoomAsync(DevHubSession hub, RequestSlots slots, int count, Action<string> verbose, CancellationToken cancellationToken)
        {
            var limits = await slots.RunAsync(() => hub.CallAsync(api => api.GetLimitsAsync(cancellationToken), cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            limits.TryGetValue(Daily, out var daily);
            limits.TryGetValue(Active, out var active);
            if (daily is null || active is null)
            {
                // Salesforce lists both on every Dev Hub; without them the insert itself will say what is wrong.
                verbose($"The Dev Hub {hub.Username} reports no {(daily is null ? Daily : Active)} limit; the scratch org limits are not checked.");
                return;
            }

            var room = Math.Min(daily.Remaining, active.Remaining);
            verbose($"The Dev Hub {hub.Username} can create {room} more scratch org(s) now ({Describe(daily)}, {Describe(active)}).");
            if (count <= room) return;
            throw new ScratchOrgException(ScratchOrgErrorIds.ScratchOrgLimitExceeded, JwtAuthErrorKind.ResourceUnavailable,
                $"The Dev Hub '{hub.Name}' can create {Math.Max(room, 0)} more scratch org(s) now ({Describe(daily)}, {Describe(active)}), fewer than the {count} asked for; none was created.",
                $"Ask for at most {Math.Max(room, 0)} with -Count, delete scratch orgs you no longer need (Get-SfScratchOrg -DevHub '{hub.Name}' | Remove-SfScratchOrg), or wait until the daily count frees up.",
                hub.Username, errorCode: room == daily.Remaining ? Daily : Active);
        }

        private static string Describe(OrgLimit limit) => $"{limit.Name}: {limit.Remaining} of {limit.Max} left";
    }
}
