using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// The user's org auths on disk, safe for many processes at once (see docs/store.md). Each change is
    /// one transaction under the store lock (<see cref="StoreLayout"/>) over the org files
    /// (<see cref="OrgAuthFiles"/>) and <c>settings.json</c> (<see cref="SettingsFile"/>); readers take no lock.
    /// </summary>
    public sealed class OrgAuthStore : IOrgAuthStore
    {
        /// <summary>How long a writer waits for another process's write before giving up.</summary>
        private static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(60);

        private readonly StoreLayout _layout;
        private readonly OrgAuthFiles _orgs;
        private readonly SettingsFile _settings;
        private readonly TimeSpan _lockTimeout;

        internal OrgAuthStore(string directory) : this(directory, DefaultLockTimeout)
        {
        }

        internal OrgAuthStore(string directory, TimeSpan lockTimeout)
        {
            _layout = new StoreLayout(directory);
            _orgs = new OrgAuthFiles(_layout);
            _settings = new SettingsFile(_layout);
            _lockTimeout = lockTimeout;
        }

        /// <summary>The store at <see cref="StoreDirectory.Resolve"/> (honours <c>JWTAUTH_HOME</c>).</summary>
        public static OrgAuthStore OpenDefault() => new OrgAuthStore(StoreDirectory.Resolve());

        internal string DirectoryPath => _layout.DirectoryPath;

        /// <summary>Test seam: runs with the target path after its temporary file is written, before the rename.</summary>
        internal Action<string>? BeforeCommit
        {
            get => _layout.BeforeCommit;
            set => _layout.BeforeCommit = value;
        }

        public StoreSnapshot ReadAll()
        {
            var problems = new List<StoreProblem>();
            if (!_layout.Exists) return StoreSnapshot.Create(Array.Empty<StoredOrgAuth>(), new OrgIndex(), problems);
            var index = _settings.Read(problems);
            return StoreSnapshot.Create(_orgs.ReadAll(problems), index, problems);
        }

        public StoredOrgAuth? Find(string usernameOrAlias)
        {
            if (string.IsNullOrWhiteSpace(usernameOrAlias) || !_layout.Exists) return null;
            var index = _settings.Read();
            var username = ResolveUsername(usernameOrAlias, index);
            var auth = username == null ? null : _orgs.Read(_orgs.PathOf(username));
            return auth == null ? null : index.Mark(auth);
        }

        public IReadOnlyList<OrgAuthSaveOutcome> SaveMany(IReadOnlyList<OrgAuthSave> saves, CancellationToken cancellationToken = default)
        {
            if (saves == null) throw new ArgumentNullException(nameof(saves));
            var outcomes = new OrgAuthSaveOutcome[saves.Count];

            // Everything that does not depend on what is stored happens before the lock (including the
            // first-call costs of encryption and JSON), so many processes saving at once queue briefly.
            var pending = new List<PendingSave>();
            for (var i = 0; i < saves.Count; i++)
            {
                try
                {
                    pending.Add(PendingSave.Prepare(i, saves[i], _orgs));
                }
                catch (StoreException e)
                {
                    outcomes[i] = new OrgAuthSaveOutcome(null, e);
                }
            }

            if (pending.Count == 0) return outcomes;
            StoreFormat.Serialize(pending[0].Document);
            _settings.Read();

            using (_layout.LockStore(_lockTimeout, cancellationToken))
            {
                OrgIndex index;
                try
                {
                    index = pending.Any(p => p.ChangesIndex) ? _settings.ReadForChange() : _settings.Read();
                }
                catch (StoreException e)
                {
                    // settings.json cannot be rewritten: only the saves that would change it fail.
                    foreach (var p in pending.Where(p => p.ChangesIndex)) outcomes[p.Index] = new OrgAuthSaveOutcome(null, e);
                    pending.RemoveAll(p => p.ChangesIndex);
                    index = _settings.Read();
                }

                var written = new List<(PendingSave Save, AliasMove? Moved)>();
                var indexChanged = false;
                foreach (var save in pending)
                {
                    try
                    {
                        // The org file goes first: a settings.json naming an org whose file is not there yet would be a dangling alias.
                        _orgs.Write(save.Document, _orgs.CurrentRevision(save.Username) + 1, save.Token);
                    }
                    catch (StoreException e)
                    {
                        outcomes[save.Index] = new OrgAuthSaveOutcome(null, e);
                        continue;
                    }

                    indexChanged |= index.Assign(save.Username, save.Alias, save.Request.SetDefault, save.Request.SetDefaultDevHub, out var moved);
                    // An alias left behind by an org whose file is gone was nobody's: taking it is no move to tell about.
                    written.Add((save, moved != null && _orgs.Exists(moved.FromUsername) ? moved : null));
                }

                // One settings.json write for the whole batch: a bulk connect gives every org an alias.
                if (indexChanged) _settings.Write(index);

                foreach (var (save, moved) in written)
                    outcomes[save.Index] = new OrgAuthSaveOutcome(index.Mark(_orgs.Written(save.Document, OrgAuthCopy.Of(save.Request.Auth))), null, moved);
            }

            return outcomes;
        }

        public bool Remove(string usernameOrAlias, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(usernameOrAlias) || !_layout.Exists) return false;
            using (_layout.LockStore(_lockTimeout, cancellationToken))
            {
                var index = _settings.ReadForChange();
                var username = ResolveUsername(usernameOrAlias, index);
                if (username == null) return false;
                // Settings first: an alias left pointing at a deleted file is harmless, but not needed either.
                var forgotten = index.Forget(username);
                if (forgotten) _settings.Write(index);
                return _orgs.Delete(username) || forgotten;
            }
        }

        /// <summary>Points <paramref name="alias"/> at the named org, moving it from any other org.</summary>
        internal StoredOrgAuth SetAlias(string alias, string usernameOrAlias, CancellationToken cancellationToken = default)
        {
            OrgNames.Alias(alias);
            using (_layout.LockStore(_lockTimeout, cancellationToken))
            {
                var index = _settings.ReadForChange();
                var auth = ResolveExisting(usernameOrAlias, index);
                if (index.SetAlias(alias, auth.Username)) _settings.Write(index);
                return index.Mark(auth);
            }
        }

        /// <summary>Drops an alias; false when it did not exist.</summary>
        internal bool RemoveAlias(string alias, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(alias) || !_layout.Exists) return false;
            using (_layout.LockStore(_lockTimeout, cancellationToken))
            {
                var index = _settings.ReadForChange();
                if (!index.RemoveAlias(alias)) return false;
                _settings.Write(index);
                return true;
            }
        }

        /// <summary>Makes the named org the default; null clears the default.</summary>
        internal void SetDefault(string? usernameOrAlias, CancellationToken cancellationToken = default) =>
            ChangeMark(usernameOrAlias, (index, username) => index.DefaultOrg = username, index => index.DefaultOrg, cancellationToken);

        /// <summary>Makes the named org the default Dev Hub; null clears it.</summary>
        internal void SetDefaultDevHub(string? usernameOrAlias, CancellationToken cancellationToken = default) =>
            ChangeMark(usernameOrAlias, (index, username) => index.DefaultDevHub = username, index => index.DefaultDevHub, cancellationToken);

        public TokenUpdateResult UpdateToken(string username, long expectedRevision, string accessToken, DateTimeOffset issuedAt, string? instanceUrl = null,
            CancellationToken cancellationToken = default)
        {
            OrgNames.Username(username);
            if (string.IsNullOrEmpty(accessToken)) throw new ArgumentException("The access token is empty.", nameof(accessToken));
            var protectedToken = _orgs.ProtectBeforeLock(accessToken, username);
            using (_layout.LockStore(_lockTimeout, cancellationToken))
            {
                var path = _orgs.PathOf(username);
                var document = _orgs.ReadDocument(path) ?? throw StoreException.NotFound(username);
                var index = _settings.Read();
                if (document.Revision != expectedRevision)
                    return new TokenUpdateResult(false, index.Mark(_orgs.Decrypted(document, path)));

                document.AccessToken = protectedToken;
                document.IssuedAt = issuedAt;
                if (!string.IsNullOrEmpty(instanceUrl)) document.InstanceUrl = instanceUrl;
                _orgs.Write(document, document.Revision + 1, accessToken);

                var auth = document.ToOrgAuth();
                auth.AccessToken = accessToken;
                return new TokenUpdateResult(true, index.Mark(_orgs.Written(document, auth)));
            }
        }

        public IDisposable AcquireOrgLock(string username, TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            OrgNames.Username(username);
            return _layout.LockOrg(username, timeout, cancellationToken);
        }

        private void ChangeMark(string? usernameOrAlias, Action<OrgIndex, string?> set, Func<OrgIndex, string?> get, CancellationToken cancellationToken)
        {
            if (usernameOrAlias == null && !_layout.Exists) return;
            using (_layout.LockStore(_lockTimeout, cancellationToken))
            {
                var index = _settings.ReadForChange();
                var username = usernameOrAlias == null ? null : ResolveExisting(usernameOrAlias, index).Username;
                if (get(index) == username) return;
                set(index, username);
                _settings.Write(index);
            }
        }

        private string? ResolveUsername(string usernameOrAlias, OrgIndex index) =>
            _orgs.Exists(usernameOrAlias) ? usernameOrAlias : index.ResolveAlias(usernameOrAlias);

        private StoredOrgAuth ResolveExisting(string usernameOrAlias, OrgIndex index)
        {
            var username = string.IsNullOrWhiteSpace(usernameOrAlias) ? null : ResolveUsername(usernameOrAlias, index);
            var auth = username == null ? null : _orgs.Read(_orgs.PathOf(username));
            return auth ?? throw StoreException.NotFound(usernameOrAlias);
        }
    }
}
