using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Service;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// Get-SfScratchOrg's read: the Dev Hub's ScratchOrgInfo records (Active ones, or all), each with what this machine stores
    /// for it and whether the hub's connected app can log in to it, so the list can be piped into Connect-SfOrgJwt on any machine
    /// that has the hub connected.
    /// </summary>
    internal static class ScratchOrgFinder
    {
        public static async Task<ScratchOrgListing> FindAsync(ScratchOrgContext context, DevHubSession hub, string? username, bool all,
            CancellationToken cancellationToken)
        {
            var soql = $"SELECT {ScratchOrgInfoRecord.Fields} FROM ScratchOrgInfo" + (all ? string.Empty : " WHERE Status = 'Active'");
            var rows = await hub.CallAsync(api => api.QueryAsync(soql, cancellationToken), cancellationToken).ConfigureAwait(false);
            var pattern = string.IsNullOrEmpty(username) ? null : new WildcardPattern(username!);
            var stored = context.Stores.ReadAll().Auths;
            var orgs = rows.Select(ScratchOrgInfoRecord.From)
                .Where(r => pattern is null || pattern.IsMatch(r.SignupUsername))
                .Select(r => ScratchOrgView.From(r, hub.Hub.Auth, stored.FirstOrDefault(a => OrgIndex.SameName(a.Username, r.SignupUsername ?? string.Empty))))
                .OrderBy(v => v.Alias is null)
                .ThenBy(v => v.Alias, NaturalOrder.Instance)
                .ThenBy(v => v.Username, NaturalOrder.Instance)
                .ToList();
            var notFound = pattern != null && !pattern.HasWildcards && orgs.Count == 0
                ? new JwtAuthException[] { ScratchOrgErrors.NotListed(username!, hub.Name, all) }
                : Array.Empty<JwtAuthException>();
            return new ScratchOrgListing(orgs, notFound);
        }
    }
}
