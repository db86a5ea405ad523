using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Login;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.Service
{
    /// <summary>
    /// The one entry point the cmdlets call: connect, list, keep tokens working, disconnect, and the
    /// Salesforce CLI's side of each. Holds no state between calls beyond the process's one HTTP client, whose
    /// connections every call and cmdlet reuse; this service's request timeout goes with each of its requests.
    /// </summary>
    public sealed class OrgAuthService
    {
        private readonly SalesforceLoginClient _client;
        private readonly LayeredOrgAuthView _stores;
        private readonly Func<SfCliPaths> _sfCliPaths;
        private readonly TimeSpan? _requestTimeout;

        /// <param name="requestTimeout">The bound for each HTTP request; null: the client's own RequestTimeout.</param>
        internal OrgAuthService(SalesforceLoginClient client, IOrgAuthStore persisted, IOrgAuthStore process, Func<SfCliPaths> sfCliPaths,
            TimeSpan? requestTimeout = null)
        {
            _client = client;
            _stores = new LayeredOrgAuthView(process, persisted);
            _sfCliPaths = sfCliPaths;
            _requestTimeout = requestTimeout.HasValue
                ? SalesforceLoginClientOptions.CheckRequestTimeout(requestTimeout.Value, nameof(requestTimeout))
                : (TimeSpan?)null;
        }

        /// <summary>The user's store ($env:JWTAUTH_HOME or the per-user folder, resolved now), this process's auths, and the CLI's folders.</summary>
        public static OrgAuthService ForCurrentUser(TimeSpan requestTimeout) => ForCurrentUser(SalesforceLoginClient.Shared, requestTimeout);

        /// <summary>As above over <paramref name="client"/> instead of the process's one (the benchmark's cold runs).</summary>
        internal static OrgAuthService ForCurrentUser(SalesforceLoginClient client, TimeSpan requestTimeout) =>
            new OrgAuthService(client, OrgAuthStore.OpenDefault(), ProcessOrgAuthStore.Shared, SfCliPaths.ForCurrentUser, requestTimeout);

        /// <summary>The login client the service sends through (for tests: one per process, whatever the timeout).</summary>
        internal SalesforceLoginClient LoginClient => _client;

        /// <param name="onWarning">Told once per key when its -KeyPassword was not needed (the key is not encrypted).</param>
        public Task ConnectAsync(IReadOnlyList<ConnectRequest> requests, int throttleLimit, Action<ConnectResult> onResult,
            Action<string> onVerbose, Action<string> onWarning, CancellationToken cancellationToken) =>
            ConnectAsync(requests, throttleLimit, onResult, onVerbose, onWarning, null, cancellationToken);

        /// <summary>
        /// Connects the orgs, calling <paramref name="onResult"/> once per org as it completes. Requests that ask for the same
        /// org, alias or default mark are refused before any login. Once <paramref name="cancellationToken"/> is cancelled nothing
        /// more is stored; every org stored before that has been passed to <paramref name="onResult"/> when the task ends.
        /// </summary>
        /// <param name="onWarning">Told once per key when its -KeyPassword was not needed (the key is not encrypted).</param>
        /// <param name="onLoginProgress">Each step of each login (also in <paramref name="onVerbose"/>), e.g. for a progress bar of a replication wait.</param>
        public Task ConnectAsync(IReadOnlyList<ConnectRequest> requests, int throttleLimit, Action<ConnectResult> onResult,
            Action<string> onVerbose, Action<string> onWarning, Action<LoginProgress>? onLoginProgress, CancellationToken cancellationToken) =>
            new BulkConnector(_client, _stores.Persisted, _stores.Process, _sfCliPaths, _requestTimeout)
                .ConnectAsync(requests, throttleLimit, onResult, onVerbose, onWarning, onLoginProgress, cancellationToken);

        /// <summary>
        /// Stored auths (process-scoped ones shadow persisted ones) in listing order, selected by name or default mark;
        /// a literal name that matches nothing and an unset default are errors in <see cref="OrgAuthListing.NotFound"/>.
        /// </summary>
        public OrgAuthListing List(IReadOnlyList<string>? names, bool defaultOrg, bool defaultDevHub)
        {
            var snapshot = _stores.ReadAll();
            var problems = snapshot.Problems.Select(p => (Exception)p.ToException()).ToList();
            var views = OrgAuthViews.Sorted(snapshot.Auths.Select(OrgAuthViews.From));
            var notFound = new List<JwtAuthException>();
            if (defaultOrg || defaultDevHub)
            {
                views = views.Where(v => (defaultOrg && v.IsDefault) || (defaultDevHub && v.IsDefaultDevHub)).ToList();
                if (defaultOrg && !views.Any(v => v.IsDefault)) notFound.Add(OrgLookupErrors.NoDefault(devHub: false));
                if (defaultDevHub && !views.Any(v => v.IsDefaultDevHub)) notFound.Add(OrgLookupErrors.NoDefault(devHub: true));
            }
            var (matches, unmatched) = OrgAuthViews.Select(views, names, OrgLookupErrors.NotStored);
            notFound.AddRange(unmatched);
            return new OrgAuthListing(matches, notFound, problems);
        }

        /// <summary>The auth with a token Salesforce accepts, renewed with the stored key reference when needed
        /// (<paramref name="keyPassword"/> opens an encrypted key file or a PFX).</summary>
        public Task<OrgAuthView> EnsureWorkingTokenAsync(OrgAuthView view, bool forceRefresh, string? keyPassword, Action<string> onVerbose,
            Action<string> onWarning, CancellationToken cancellationToken) =>
            new TokenKeeper(_client, _stores, _requestTimeout).EnsureWorkingTokenAsync(view, forceRefresh, keyPassword, onVerbose, onWarning, cancellationToken);

        /// <summary>The orgs the Salesforce CLI knows (no tokens), selected by name; an unreadable alias.json is a problem, not a failure.</summary>
        public OrgAuthListing ListSfCli(IReadOnlyList<string>? names)
        {
            var problems = new List<SfCliException>();
            var views = OrgAuthViews.Sorted(new SfCliAuthReader(_sfCliPaths()).ListOrgs(problems).Select(OrgAuthViews.From));
            var (matches, notFound) = OrgAuthViews.Select(views, names, OrgLookupErrors.NotInSfCli);
            return new OrgAuthListing(matches, notFound, problems.Cast<Exception>().ToList());
        }

        /// <summary>
        /// The usernames a Disconnect-SfOrg name stands for, in JwtAuth (and the CLI when asked); none for a wildcard
        /// that matches nothing, while a literal name that matches nothing throws <see cref="StoreErrorIds.OrgAuthNotFound"/>.
        /// </summary>
        public IReadOnlyList<string> ResolveForRemoval(string name, bool includeSfCli)
        {
            var usernames = List(new[] { name }, false, false).Auths.Select(v => v.Auth.Username).ToList();
            if (includeSfCli) usernames.AddRange(ListSfCli(new[] { name }).Auths.Select(v => v.Auth.Username));
            if (usernames.Count == 0 && !new WildcardPattern(name).HasWildcards) throw OrgLookupErrors.NothingToRemove(name, includeSfCli);
            return usernames.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        /// <summary>
        /// Forgets the org here (and in the CLI when asked). Cancelling <paramref name="cancellationToken"/> ends a wait for the
        /// store's or the CLI's lock; cancelled while waiting for the store, nothing is removed.
        /// </summary>
        public void Remove(string username, bool includeSfCli, CancellationToken cancellationToken = default)
        {
            // The disk store first: its lock is the wait Ctrl+C can end, and the process store must not lose the org before it.
            _stores.Persisted.Remove(username, cancellationToken);
            _stores.Process.Remove(username, cancellationToken);
            if (includeSfCli && new SfCliAuthReader(_sfCliPaths()).Find(username) != null)
                new SfCliAuthRemover(_sfCliPaths()).Remove(username, cancellationToken);
        }

        /// <summary>Aliases, then usernames, each in <see cref="NaturalOrder"/>, for tab completion.</summary>
        public IReadOnlyList<string> CompletionNames()
        {
            var auths = _stores.ReadAll().Auths;
            return auths.SelectMany(a => a.Aliases).OrderBy(a => a, NaturalOrder.Instance)
                .Concat(auths.Select(a => a.Username).OrderBy(u => u, NaturalOrder.Instance))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
    }
}
