using System;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Login;
using JwtAuth.Core.Model;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.Service
{
    /// <summary>
    /// Hands out a token that works: the stored one while Salesforce accepts it, otherwise one minted
    /// with the stored consumer key and key reference, coordinated across processes by the store's org lock.
    /// </summary>
    internal sealed class TokenKeeper
    {
        private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);
        private readonly SalesforceLoginClient _client;
        private readonly LayeredOrgAuthView _stores;
        private readonly TimeSpan? _requestTimeout;

        public TokenKeeper(SalesforceLoginClient client, LayeredOrgAuthView stores, TimeSpan? requestTimeout)
        {
            _client = client;
            _stores = stores;
            _requestTimeout = requestTimeout;
        }

        /// <param name="signingKey">The key to mint with instead of the stored key reference (a process-scoped auth's kept key), or null.</param>
        public async Task<OrgAuthView> EnsureWorkingTokenAsync(OrgAuthView view, bool forceRefresh, string? keyPassword,
            Action<string> onVerbose, Action<string> onWarning, CancellationToken cancellationToken, Func<SigningKey>? signingKey = null)
        {
            var stored = view.Stored ?? throw new ArgumentException("Only stored auths have tokens to keep.", nameof(view));
            var token = stored.TokenState == StoredTokenState.Available ? stored.Auth.AccessToken : null;

            if (!forceRefresh && token != null)
            {
                switch (await CheckAsync(stored, token, onWarning, cancellationToken).ConfigureAwait(false))
                {
                    case TokenCheck.Works:
                        onVerbose($"The stored token of {stored.Username} still works.");
                        return view;
                    case TokenCheck.Unknown:
                        return view;
                }
                onVerbose($"Salesforce no longer accepts the stored token of {stored.Username}; minting a new one.");
            }
            else if (!forceRefresh && stored.TokenState == StoredTokenState.Unreadable)
            {
                onVerbose($"The stored token of {stored.Username} cannot be decrypted here; minting a new one.");
            }

            if (!stored.CanRenew && signingKey is null)
            {
                if (token != null && !forceRefresh) return view;
                stored.EnsureRenewable();
            }

            var store = _stores.StoreFor(stored);
            var progress = VerboseLoginProgress.To(onVerbose);
            var renewal = await Task.Run(() => store.RenewToken(stored, current => Mint(current, keyPassword, signingKey, progress, onWarning, cancellationToken), LockTimeout, cancellationToken,
                    mintHasItsOwnKey: signingKey != null),
                cancellationToken).ConfigureAwait(false);
            onVerbose(renewal.Reused
                ? $"Another process renewed {stored.Username} meanwhile; using its token."
                : $"Minted a new token for {stored.Username}.");
            return OrgAuthViews.From(renewal.Auth);
        }

        private OrgAuth Mint(StoredOrgAuth current, string? keyPassword, Func<SigningKey>? signingKey, IProgress<LoginProgress> progress,
            Action<string> onWarning, CancellationToken cancellationToken)
        {
            var auth = current.Auth;
            using var key = signingKey?.Invoke() ?? LoadStoredKey(auth, keyPassword);
            if (key.PasswordNotNeededWarning != null) onWarning(key.PasswordNotNeededWarning);
            var request = new JwtLoginRequest
            {
                ClientId = auth.ClientId,
                Username = auth.Username,
                LoginUrl = auth.LoginUrl,
                Audience = string.IsNullOrEmpty(auth.Audience) ? null : auth.Audience,
                // RenewToken holds the cross-process org lock around this delegate: never wait out a replication under it.
                // An org that was signed into before has replicated; "not approved" now is an answer, not a delay.
                RetryTimeout = TimeSpan.Zero,
                RequestTimeout = _requestTimeout,
            };
            // The delegate is synchronous; this runs on a pool thread.
            return _client.LoginAsync(request, key.Rsa, key.Reference, progress, cancellationToken).GetAwaiter().GetResult();
        }

        private static SigningKey LoadStoredKey(OrgAuth auth, string? keyPassword)
        {
            try
            {
                return SigningKeyLoader.FromReference(auth.Key, keyPassword);
            }
            catch (KeyException ex)
            {
                var forRenewal = StoredKeyErrors.ForRenewal(ex, auth);
                if (ReferenceEquals(forRenewal, ex)) throw;
                throw forRenewal;
            }
        }

        private async Task<TokenCheck> CheckAsync(StoredOrgAuth stored, string token, Action<string> onWarning, CancellationToken cancellationToken)
        {
            try
            {
                return await _client.IsTokenValidAsync(stored.Auth.InstanceUrl, token, stored.Auth.ApiVersion, _requestTimeout, cancellationToken).ConfigureAwait(false)
                    ? TokenCheck.Works
                    : TokenCheck.Rejected;
            }
            catch (JwtAuthException ex)
            {
                onWarning($"Could not check the stored token of {stored.Username} ({ex.Problem}); returning it unchecked.");
                return TokenCheck.Unknown;
            }
        }

        private enum TokenCheck
        {
            Works,
            Rejected,
            Unknown,
        }
    }
}
