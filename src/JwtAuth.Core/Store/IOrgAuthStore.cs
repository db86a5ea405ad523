using System;
using System.Collections.Generic;
using System.Threading;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// A place that keeps org auths: <see cref="OrgAuthStore"/> on disk for the user, or
    /// <see cref="ProcessOrgAuthStore"/> in memory for one process. Nothing changes except through
    /// these methods, so a failed login elsewhere never damages what is stored. A change that has to wait
    /// for a lock stops waiting when its <see cref="CancellationToken"/> is cancelled
    /// (<see cref="OperationCanceledException"/>, nothing changed); a free lock is taken regardless.
    /// </summary>
    public interface IOrgAuthStore
    {
        /// <summary>Every readable auth plus a problem for each file that is not; never throws for one bad file.</summary>
        StoreSnapshot ReadAll();

        /// <summary>The auth with this username or alias (ignoring case), or null. Throws <see cref="StoreException"/> when that org's own file is unreadable.</summary>
        StoredOrgAuth? Find(string usernameOrAlias);

        /// <summary>
        /// Stores each auth, in order, and returns one outcome per auth (one failure does not stop the others).
        /// An auth replaces any auth with the same username (a reconnect updates in place); a non-null
        /// <see cref="Model.OrgAuth.Alias"/> is pointed at its org (moved from any other), and existing aliases stay.
        /// The disk store takes its lock and writes settings.json once for the whole batch.
        /// </summary>
        IReadOnlyList<OrgAuthSaveOutcome> SaveMany(IReadOnlyList<OrgAuthSave> saves, CancellationToken cancellationToken = default);

        /// <summary>Removes the auth with this username or alias, its aliases and its default marks; false when there was none.</summary>
        bool Remove(string usernameOrAlias, CancellationToken cancellationToken = default);

        /// <summary>
        /// Stores a new token for <paramref name="username"/> only if the auth is still at
        /// <paramref name="expectedRevision"/>; otherwise leaves it alone and returns what is stored now.
        /// </summary>
        TokenUpdateResult UpdateToken(string username, long expectedRevision, string accessToken, DateTimeOffset issuedAt, string? instanceUrl = null,
            CancellationToken cancellationToken = default);

        /// <summary>
        /// Takes the renewal lock of one org, across processes for the disk store; dispose to release.
        /// A process that dies releases it. Throws <see cref="StoreErrorIds.LockTimeout"/> after <paramref name="timeout"/>.
        /// </summary>
        IDisposable AcquireOrgLock(string username, TimeSpan timeout, CancellationToken cancellationToken = default);
    }
}
