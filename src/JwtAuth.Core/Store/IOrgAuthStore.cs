using System;
using System.Collections.Generic;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Store
{
    /// <summary>Reading org auths: what Get-SfOrgAuth and the renewal path need.</summary>
    public interface IOrgAuthReader
    {
        /// <summary>Every readable auth plus a problem for each file that is not; never throws for one bad file.</summary>
        StoreSnapshot ReadAll();

        /// <summary>The auth with this username or alias (ignoring case), or null. Throws <see cref="StoreException"/> when that org's own file is unreadable.</summary>
        StoredOrgAuth? Find(string usernameOrAlias);

        /// <summary>Auths whose username or alias matches a <c>*</c>/<c>?</c> pattern, ignoring case.</summary>
        IReadOnlyList<StoredOrgAuth> Match(string wildcardPattern);
    }

    /// <summary>
    /// A place that keeps org auths: <see cref="OrgAuthStore"/> on disk for the user, or
    /// <see cref="ProcessOrgAuthStore"/> in memory for one process. Nothing changes except through
    /// these methods, so a failed login elsewhere never damages what is stored.
    /// </summary>
    public interface IOrgAuthStore : IOrgAuthReader
    {
        OrgAuthScope Scope { get; }

        /// <summary>
        /// Stores <paramref name="auth"/>, replacing any auth with the same username (a reconnect updates in place).
        /// A non-null <see cref="OrgAuth.Alias"/> is pointed at this org (moved from any other); existing aliases stay.
        /// </summary>
        StoredOrgAuth Save(OrgAuth auth, bool setDefault = false, bool setDefaultDevHub = false);

        /// <summary>
        /// Stores each auth as <see cref="Save"/> would, in order, and returns one outcome per auth (one failure does
        /// not stop the others). The disk store takes its lock and writes settings.json once for the whole batch.
        /// </summary>
        IReadOnlyList<OrgAuthSaveOutcome> SaveMany(IReadOnlyList<OrgAuthSave> saves);

        /// <summary>Removes the auth with this username or alias, its aliases and its default marks; false when there was none.</summary>
        bool Remove(string usernameOrAlias);

        /// <summary>Points <paramref name="alias"/> at the named org, moving it from any other org.</summary>
        StoredOrgAuth SetAlias(string alias, string usernameOrAlias);

        /// <summary>Drops an alias; false when it did not exist.</summary>
        bool RemoveAlias(string alias);

        /// <summary>Makes the named org the default; null clears the default.</summary>
        void SetDefault(string? usernameOrAlias);

        /// <summary>Makes the named org the default Dev Hub; null clears it.</summary>
        void SetDefaultDevHub(string? usernameOrAlias);

        /// <summary>
        /// Stores a new token for <paramref name="username"/> only if the auth is still at
        /// <paramref name="expectedRevision"/>; otherwise leaves it alone and returns what is stored now.
        /// </summary>
        TokenUpdateResult UpdateToken(string username, long expectedRevision, string accessToken, DateTimeOffset issuedAt, string? instanceUrl = null);

        /// <summary>
        /// Takes the renewal lock of one org, across processes for the disk store; dispose to release.
        /// A process that dies releases it. Throws <see cref="StoreErrorIds.LockTimeout"/> after <paramref name="timeout"/>.
        /// </summary>
        IDisposable AcquireOrgLock(string username, TimeSpan timeout);
    }

    /// <summary>The outcome of <see cref="IOrgAuthStore.UpdateToken"/>.</summary>
    public sealed class TokenUpdateResult
    {
        internal TokenUpdateResult(bool updated, StoredOrgAuth current)
        {
            Updated = updated;
            Current = current;
        }

        /// <summary>False when another writer changed the auth since <c>expectedRevision</c>.</summary>
        public bool Updated { get; }

        /// <summary>The auth as stored after the call.</summary>
        public StoredOrgAuth Current { get; }
    }
}
