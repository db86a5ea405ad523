using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Login;
using JwtAuth.Core.OrgApi;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// The entry point of New-SfScratchOrg, Get-SfScratchOrg and Remove-SfScratchOrg: scratch orgs through a Dev Hub that
    /// Connect-SfOrgJwt stored, over the process's one login client (the same connections as every other cmdlet).
    /// </summary>
    public sealed class ScratchOrgService
    {
        private readonly ScratchOrgContext _context;

        internal ScratchOrgService(SalesforceLoginClient client, IOrgAuthStore persisted, IOrgAuthStore process, Func<SfCliPaths> sfCliPaths,
            TimeSpan? requestTimeout = null, DeployPolling? deployPolling = null)
        {
            _context = new ScratchOrgContext(client, new LayeredOrgAuthView(process, persisted), sfCliPaths, requestTimeout,
                deployPolling ?? DeployPolling.Default);
        }

        /// <summary>The user's store, this process's auths and the CLI's folders, with <paramref name="requestTimeout"/> per request.</summary>
        public static ScratchOrgService ForCurrentUser(TimeSpan requestTimeout) =>
            new ScratchOrgService(SalesforceLoginClient.Shared, OrgAuthStore.OpenDefault(), ProcessOrgAuthStore.Shared, SfCliPaths.ForCurrentUser, requestTimeout);

        /// <summary>
        /// Checks a request without any call: its parameters, its Dev Hub (stored, and a Dev Hub) and its definition (read
        /// and mapped with the hub's client id). Throws the typed error of the first problem.
        /// </summary>
        public ScratchOrgPlan Prepare(ScratchOrgRequest request)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            ScratchOrgRequestRules.Check(request);
            var hub = DevHubLookup.Resolve(_context.Stores, request.DevHub);
            var options = new ScratchOrgDefinitionOptions(hub.Auth.ClientId, request.DurationDays);
            var definition = string.IsNullOrEmpty(request.DefinitionFile)
                ? ScratchOrgDefinitionReader.FromEdition(request.Edition, options)
                : ScratchOrgDefinitionReader.ReadFile(request.DefinitionFile!, options);
            if (request.Count > 1 && definition.Username != null) throw ScratchOrgErrors.UsernameNeedsOneOrg(request.DefinitionFile!, request.Count);

            var warnings = definition.Warnings.ToList();
            if (request.RegisterWithSfCli)
            {
                // Each org's CLI auth file names the hub's key file: refuse a hub whose key the CLI cannot read, before anything is made.
                SfCliKeyRequirement.EnsureUsable(hub.Auth.Key);
                if (new SfCliAuthReader(_context.SfCliPaths()).Find(hub.Username) is null)
                    warnings.Add($"The Salesforce CLI does not know the Dev Hub {hub.Username}, so 'sf org list' cannot show the new orgs under it: " +
                        "connect the hub with Connect-SfOrgJwt ... -SfCli too.");
            }

            return new ScratchOrgPlan(request, hub, definition, warnings);
        }

        /// <summary>
        /// Creates the planned orgs, reporting each through <paramref name="events"/> as it is done. Problems before the first
        /// insert (the hub's key or token, the limits) are thrown and nothing is created; a cancellation returns the run marked
        /// stopped once every step has stopped, naming every org that was requested.
        /// </summary>
        public Task<ScratchOrgRun> CreateAsync(ScratchOrgPlan plan, ScratchOrgEvents events, CancellationToken cancellationToken)
        {
            if (plan is null) throw new ArgumentNullException(nameof(plan));
            return new ScratchOrgBatch(_context, plan, events ?? new ScratchOrgEvents()).RunAsync(cancellationToken);
        }

        /// <summary>The Dev Hub's scratch orgs (Active only unless <paramref name="all"/>), selected by a username that may have wildcards.</summary>
        public async Task<ScratchOrgListing> ListAsync(string? devHub, string? username, bool all, Action<string> verbose, Action<string> warning,
            CancellationToken cancellationToken)
        {
            var hubAuth = DevHubLookup.Resolve(_context.Stores, devHub);
            var hub = await DevHubSession.OpenAsync(_context, hubAuth, null, verbose, warning, cancellationToken).ConfigureAwait(false);
            return await ScratchOrgFinder.FindAsync(_context, hub, username, all, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A remover for one Remove-SfScratchOrg invocation (it keeps one session per Dev Hub).</summary>
        public ScratchOrgRemover StartRemoval() => new ScratchOrgRemover(_context);
    }
}
