using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.OrgApi;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// Remove-SfScratchOrg for any number of orgs: finds each org's ActiveScratchOrg record by SignupUsername on its Dev Hub
    /// (the one stored with the org unless one is named), deletes it, and forgets the org's auth, aliases and default marks
    /// here (and in the Salesforce CLI when asked). Keeps one session per Dev Hub for the whole pipeline.
    /// </summary>
    public sealed class ScratchOrgRemover
    {
        private const string ActiveScratchOrg = "ActiveScratchOrg";
        private readonly ScratchOrgContext _context;
        private readonly Dictionary<string, DevHubSession> _hubs = new Dictionary<string, DevHubSession>(StringComparer.OrdinalIgnoreCase);

        internal ScratchOrgRemover(ScratchOrgContext context)
        {
            _context = context;
        }

        /// <summary>Finds what there is to delete and forget for <paramref name="name"/> (a stored alias or a username); changes nothing.</summary>
        public async Task<ScratchOrgDeletion> PrepareAsync(string name, string? devHub, bool includeSfCli, Action<string> verbose, Action<string> warning,
            CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(name)) throw ScratchOrgErrors.NotFound(name ?? string.Empty);
            name = name.Trim();
            var stored = _context.Stores.Find(name);
            // A Dev Hub or production org piped in by mistake must never reach the delete.
            if (stored != null && stored.Auth.OrgType != Model.OrgType.Scratch && stored.Auth.OrgType != Model.OrgType.Unknown)
                throw ScratchOrgErrors.NotAScratchOrg(stored);
            var username = stored?.Username ?? (name.IndexOf('@') > 0 ? name : throw ScratchOrgErrors.NotFound(name));
            var origin = stored?.Auth.ScratchOrg?.DevHubUsername;
            var hubName = string.IsNullOrWhiteSpace(devHub) ? origin : devHub;
            var hubAuth = DevHubLookup.Resolve(_context.Stores, hubName,
                string.IsNullOrWhiteSpace(devHub) && origin != null ? $" (the Dev Hub '{username}' was created from; name another with -DevHub)" : null);
            var hub = await SessionForAsync(hubAuth, verbose, warning, cancellationToken).ConfigureAwait(false);

            var soql = $"SELECT Id, ScratchOrg, ScratchOrgInfoId, ExpirationDate FROM {ActiveScratchOrg} WHERE SignupUsername = {ScratchOrgInfoRecord.Literal(username)}";
            IReadOnlyList<Newtonsoft.Json.Linq.JObject> rows;
            try
            {
                rows = await hub.CallAsync(api => api.QueryAsync(soql, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (OrgApiException ex) when (MayNotDelete(ex))
            {
                throw ScratchOrgErrors.DeleteNotPermitted(username, hub.Username, ex);
            }

            var activeId = rows.Select(r => Http.JsonBody.String(r, "Id")).FirstOrDefault(id => !string.IsNullOrEmpty(id));
            var inCli = includeSfCli && new SfCliAuthReader(_context.SfCliPaths()).Find(username) != null;
            return new ScratchOrgDeletion(username, hub, activeId, stored != null, inCli);
        }

        /// <summary>Deletes the org at Salesforce (when it is active) and forgets it here; true when Salesforce deleted it.</summary>
        public async Task<bool> DeleteAsync(ScratchOrgDeletion deletion, CancellationToken cancellationToken)
        {
            var deleted = false;
            if (deletion.ActiveScratchOrgId != null)
            {
                try
                {
                    await deletion.Hub.CallAsync(async api =>
                    {
                        await api.DeleteAsync(ActiveScratchOrg, deletion.ActiveScratchOrgId, cancellationToken).ConfigureAwait(false);
                        return true;
                    }, cancellationToken).ConfigureAwait(false);
                    deleted = true;
                }
                catch (OrgApiException ex) when (ex.ErrorId == OrgApiErrors.NotFound)
                {
                    // Deleted or expired between the query and now (ENTITY_IS_DELETED): gone either way.
                }
                catch (OrgApiException ex) when (MayNotDelete(ex))
                {
                    throw ScratchOrgErrors.DeleteNotPermitted(deletion.Username, deletion.DevHub, ex);
                }
            }

            // Only once Salesforce no longer has it (or never had it): a refused delete keeps the local auth usable.
            _context.Stores.Process.Remove(deletion.Username, cancellationToken);
            _context.Stores.Persisted.Remove(deletion.Username, cancellationToken);
            if (deletion.IsInSfCli) new SfCliAuthRemover(_context.SfCliPaths()).Remove(deletion.Username, cancellationToken);
            return deleted;
        }

        private async Task<DevHubSession> SessionForAsync(StoredOrgAuth hub, Action<string> verbose, Action<string> warning, CancellationToken cancellationToken)
        {
            if (_hubs.TryGetValue(hub.Username, out var open)) return open;
            var session = await DevHubSession.OpenAsync(_context, hub, null, verbose, warning, cancellationToken).ConfigureAwait(false);
            _hubs[hub.Username] = session;
            return session;
        }

        private static bool MayNotDelete(OrgApiException ex) =>
            ex.ErrorId == OrgApiErrors.InsufficientAccess
            || string.Equals(ex.ErrorCode, "INVALID_TYPE", StringComparison.OrdinalIgnoreCase)
            || string.Equals(ex.ErrorCode, "INSUFFICIENT_ACCESS_OR_READONLY", StringComparison.OrdinalIgnoreCase);
    }
}
