using System;
using System.Threading;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// Renews an org's token so that processes refreshing the same org at once mint once:
    /// under the org lock the auth is read again, and a token stored by someone else since the
    /// caller read it is reused instead of minting another.
    /// </summary>
    public static class OrgTokenRenewal
    {
        /// <summary>
        /// Returns a usable auth for <paramref name="seen"/>'s org. <paramref name="mint"/> is called (under the
        /// org lock) only when nobody stored a newer token since <paramref name="seen"/> was read; it returns
        /// the fresh login (at least AccessToken and IssuedAt). Throws <see cref="StoreErrorIds.NotRenewable"/> for
        /// an auth without a key reference and <see cref="StoreErrorIds.OrgAuthNotFound"/> if it was removed meanwhile.
        /// Exceptions from <paramref name="mint"/> pass through and leave the stored auth untouched, and so does a
        /// cancellation while waiting for a lock (<see cref="OperationCanceledException"/>).
        /// </summary>
        /// <param name="mintHasItsOwnKey">True when <paramref name="mint"/> signs with a key it holds itself (a process-scoped
        /// auth's kept key), so an auth without a key reference can be renewed too.</param>
        public static TokenRenewal RenewToken(this IOrgAuthStore store, StoredOrgAuth seen, Func<StoredOrgAuth, OrgAuth> mint, TimeSpan lockTimeout,
            CancellationToken cancellationToken = default, bool mintHasItsOwnKey = false)
        {
            if (store == null) throw new ArgumentNullException(nameof(store));
            if (seen == null) throw new ArgumentNullException(nameof(seen));
            if (mint == null) throw new ArgumentNullException(nameof(mint));

            using (store.AcquireOrgLock(seen.Username, lockTimeout, cancellationToken))
            {
                var current = store.Find(seen.Username) ?? throw StoreException.NotFound(seen.Username);
                if (current.Revision != seen.Revision && current.TokenState == StoredTokenState.Available)
                    return new TokenRenewal(current, reused: true);

                if (!mintHasItsOwnKey) current.EnsureRenewable();
                var fresh = mint(current) ?? throw new InvalidOperationException("The mint delegate returned no auth.");
                if (!OrgIndex.SameName(fresh.Username, current.Username))
                    throw new StoreException(StoreErrorIds.UsernameMismatch, Errors.JwtAuthErrorKind.InvalidOperation,
                        $"A token was minted for '{fresh.Username}' while renewing '{current.Username}'.",
                        "Renew with the username stored in the auth.", current.Username);
                if (string.IsNullOrEmpty(fresh.AccessToken))
                    throw new InvalidOperationException("The mint delegate returned an auth without an access token.");

                var update = store.UpdateToken(current.Username, current.Revision, fresh.AccessToken!, fresh.IssuedAt,
                    string.IsNullOrEmpty(fresh.InstanceUrl) ? null : fresh.InstanceUrl, cancellationToken);
                return new TokenRenewal(update.Current, reused: !update.Updated);
            }
        }
    }
}
