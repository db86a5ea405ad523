using System;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Model;
using JwtAuth.Core.OrgApi;
using JwtAuth.Core.Service;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// A Dev Hub's REST API with a token that works: the stored one while Salesforce accepts it, else one renewed through
    /// <see cref="TokenKeeper"/> with the hub's own key (a process-scoped hub's kept key included). A call that finds the
    /// token expired mid-run (a long wait) renews it once and is made again. Safe for concurrent calls.
    /// </summary>
    internal sealed class DevHubSession
    {
        private readonly ScratchOrgContext _context;
        private readonly string? _keyPassword;
        private readonly Action<string> _verbose;
        private readonly Action<string> _warning;
        private readonly SemaphoreSlim _renewing = new SemaphoreSlim(1, 1);
        private OrgApiClient _api;
        private OrgAuthView _view;

        private DevHubSession(ScratchOrgContext context, OrgAuthView view, OrgApiClient api, string? keyPassword, Action<string> verbose, Action<string> warning)
        {
            _context = context;
            _view = view;
            _api = api;
            _keyPassword = keyPassword;
            _verbose = verbose;
            _warning = warning;
            Hub = view.Stored!;
        }

        /// <summary>The hub as it was stored when the session opened.</summary>
        public StoredOrgAuth Hub { get; }

        public string Username => Hub.Username;

        /// <summary>The consumer key of the hub's connected app.</summary>
        public string ClientId => Hub.Auth.ClientId;

        public string ApiVersion => _api.ApiVersion;

        /// <summary>How the hub alias (or username) reads in messages and fixes.</summary>
        public string Name => Hub.Alias ?? Hub.Username;

        public static async Task<DevHubSession> OpenAsync(ScratchOrgContext context, StoredOrgAuth hub, string? keyPassword, Action<string> verbose,
            Action<string> warning, CancellationToken cancellationToken)
        {
            var view = await new TokenKeeper(context.Client, context.Stores, context.RequestTimeout)
                .EnsureWorkingTokenAsync(OrgAuthViews.From(hub), false, keyPassword, verbose, warning, cancellationToken, KeptKey(context, hub))
                .ConfigureAwait(false);
            var api = await ApiForAsync(context, view.Auth, cancellationToken).ConfigureAwait(false);
            return new DevHubSession(context, view, api, keyPassword, verbose, warning);
        }

        /// <summary>Runs <paramref name="call"/> on the hub's API; an expired session is renewed once and the call made again.</summary>
        public async Task<T> CallAsync<T>(Func<OrgApiClient, Task<T>> call, CancellationToken cancellationToken)
        {
            var api = Volatile.Read(ref _api);
            try
            {
                return await call(api).ConfigureAwait(false);
            }
            catch (OrgApiException ex) when (ex.ErrorId == OrgApiErrors.SessionExpired)
            {
                return await call(await RenewAsync(api, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The hub's signing key, for the logins to its scratch orgs: the key kept for a process-scoped hub, else loaded from
        /// the stored reference (with the key password when given). Dispose it.
        /// </summary>
        public static SigningKey LoadKey(ScratchOrgContext context, StoredOrgAuth hub, string? keyPassword)
        {
            var kept = KeptKey(context, hub);
            if (kept != null) return kept();
            if (!hub.Auth.Key.IsRenewable) throw ScratchOrgErrors.DevHubKeyUnavailable(hub, null);
            return SigningKeyLoader.FromReference(hub.Auth.Key, keyPassword);
        }

        private async Task<OrgApiClient> RenewAsync(OrgApiClient failed, CancellationToken cancellationToken)
        {
            await _renewing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another call renewed while this one waited: use its token.
                if (!ReferenceEquals(failed, _api)) return _api;
                _verbose($"The Dev Hub {Username}'s session expired; renewing it.");
                _view = await new TokenKeeper(_context.Client, _context.Stores, _context.RequestTimeout)
                    .EnsureWorkingTokenAsync(_view, true, _keyPassword, _verbose, _warning, cancellationToken, KeptKey(_context, Hub))
                    .ConfigureAwait(false);
                var api = _context.Client.OrgApiFor(_view.Auth.InstanceUrl, failed.ApiVersion, _view.Auth.AccessToken!, _context.RequestTimeout);
                Volatile.Write(ref _api, api);
                return api;
            }
            finally
            {
                _renewing.Release();
            }
        }

        private static async Task<OrgApiClient> ApiForAsync(ScratchOrgContext context, OrgAuth hub, CancellationToken cancellationToken)
        {
            var version = string.IsNullOrEmpty(hub.ApiVersion)
                ? await context.Client.LatestApiVersionAsync(hub.InstanceUrl, hub.AccessToken!, context.RequestTimeout, cancellationToken).ConfigureAwait(false)
                : hub.ApiVersion!;
            return context.Client.OrgApiFor(hub.InstanceUrl, version, hub.AccessToken!, context.RequestTimeout);
        }

        private static Func<SigningKey>? KeptKey(ScratchOrgContext context, StoredOrgAuth hub) =>
            hub.Scope == OrgAuthScope.Process ? context.ProcessStore?.SigningKeyOf(hub.Username) : null;
    }
}
