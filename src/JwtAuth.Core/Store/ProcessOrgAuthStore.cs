using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// Auths kept only in this process's memory (<c>Connect-SfOrgJwt -Scope Process</c>, for CI agents
    /// that must leave nothing on disk). Same rules as the disk store; gone when the process ends. Only the
    /// org lock can make a caller wait, so only it looks at the cancellation token.
    /// </summary>
    public sealed class ProcessOrgAuthStore : IOrgAuthStore
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, Entry> _auths = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        private readonly OrgIndex _index = new OrgIndex();
        private readonly ConcurrentDictionary<string, SemaphoreSlim> _orgLocks = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.OrdinalIgnoreCase);

        // The key each auth was connected with, for auths whose key reference cannot load it again (key text, a certificate
        // object, a key file that needed a password): a process-scoped Dev Hub still signs its scratch orgs' logins with it.
        private readonly Dictionary<string, Func<SigningKey>> _signingKeys = new Dictionary<string, Func<SigningKey>>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The one process-wide store the cmdlets share.</summary>
        public static ProcessOrgAuthStore Shared { get; } = new ProcessOrgAuthStore();

        internal ProcessOrgAuthStore()
        {
        }

        public StoreSnapshot ReadAll()
        {
            lock (_gate) return Snapshot();
        }

        public StoredOrgAuth? Find(string usernameOrAlias) =>
            string.IsNullOrWhiteSpace(usernameOrAlias) ? null : ReadAll().Find(usernameOrAlias);

        public IReadOnlyList<OrgAuthSaveOutcome> SaveMany(IReadOnlyList<OrgAuthSave> saves, CancellationToken cancellationToken = default)
        {
            if (saves == null) throw new ArgumentNullException(nameof(saves));
            var outcomes = new List<OrgAuthSaveOutcome>(saves.Count);
            foreach (var save in saves)
            {
                try
                {
                    outcomes.Add(Save(save));
                }
                catch (Exception e) when (e is JwtAuth.Core.Errors.JwtAuthException || e is ArgumentException)
                {
                    outcomes.Add(new OrgAuthSaveOutcome(null, e));
                }
            }

            return outcomes;
        }

        public bool Remove(string usernameOrAlias, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(usernameOrAlias)) return false;
            lock (_gate)
            {
                var username = _auths.ContainsKey(usernameOrAlias) ? usernameOrAlias : _index.ResolveAlias(usernameOrAlias);
                if (username == null) return false;
                var forgotten = _index.Forget(username);
                _signingKeys.Remove(username);
                return _auths.Remove(username) || forgotten;
            }
        }

        public TokenUpdateResult UpdateToken(string username, long expectedRevision, string accessToken, DateTimeOffset issuedAt, string? instanceUrl = null,
            CancellationToken cancellationToken = default)
        {
            OrgNames.Username(username);
            if (string.IsNullOrEmpty(accessToken)) throw new ArgumentException("The access token is empty.", nameof(accessToken));
            lock (_gate)
            {
                if (!_auths.TryGetValue(username, out var entry)) throw StoreException.NotFound(username);
                if (entry.Revision != expectedRevision) return new TokenUpdateResult(false, Snapshot().Find(entry.Auth.Username)!);

                var updated = OrgAuthCopy.Of(entry.Auth);
                updated.AccessToken = accessToken;
                updated.IssuedAt = issuedAt;
                if (!string.IsNullOrEmpty(instanceUrl)) updated.InstanceUrl = instanceUrl!;
                _auths[username] = new Entry(updated, entry.Revision + 1);
                return new TokenUpdateResult(true, Snapshot().Find(updated.Username)!);
            }
        }

        public IDisposable AcquireOrgLock(string username, TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            OrgNames.Username(username);
            var semaphore = _orgLocks.GetOrAdd(username, _ => new SemaphoreSlim(1, 1));
            // As on disk: a free lock is taken even under a cancelled token; only a wait is cut short.
            if (!semaphore.Wait(0) && !semaphore.Wait(timeout, cancellationToken)) throw StoreException.LockTimeout("process:" + username, timeout);
            return new Releaser(semaphore);
        }

        /// <summary>Keeps how to load the key <paramref name="username"/> was connected with, until it is saved again or removed.</summary>
        internal void KeepSigningKey(string username, Func<SigningKey> load)
        {
            lock (_gate)
            {
                if (_auths.ContainsKey(username)) _signingKeys[username] = load ?? throw new ArgumentNullException(nameof(load));
            }
        }

        /// <summary>The key kept for <paramref name="username"/> by <see cref="KeepSigningKey"/>, or null.</summary>
        internal Func<SigningKey>? SigningKeyOf(string username)
        {
            lock (_gate) return _signingKeys.TryGetValue(username, out var load) ? load : null;
        }

        private OrgAuthSaveOutcome Save(OrgAuthSave save)
        {
            var username = OrgNames.Username(save.Auth.Username);
            var alias = save.Auth.Alias == null ? null : OrgNames.Alias(save.Auth.Alias);
            lock (_gate)
            {
                var revision = _auths.TryGetValue(username, out var previous) ? previous.Revision + 1 : 1;
                var copy = OrgAuthCopy.Of(save.Auth);
                copy.Alias = null;
                _auths.Remove(username);
                _signingKeys.Remove(username);
                _auths[username] = new Entry(copy, revision);
                _index.Assign(username, alias, save.SetDefault, save.SetDefaultDevHub, out var moved);
                return new OrgAuthSaveOutcome(Snapshot().Find(username)!, null, moved);
            }
        }

        private StoreSnapshot Snapshot() => StoreSnapshot.Create(
            _auths.Values.Select(e => new StoredOrgAuth(OrgAuthCopy.Of(e.Auth), Array.Empty<string>(), false, false, OrgAuthScope.Process,
                string.IsNullOrEmpty(e.Auth.AccessToken) ? StoredTokenState.None : StoredTokenState.Available, e.Revision, null)),
            _index, Array.Empty<StoreProblem>());

        private sealed class Entry
        {
            public Entry(OrgAuth auth, long revision)
            {
                Auth = auth;
                Revision = revision;
            }

            public OrgAuth Auth { get; }
            public long Revision { get; }
        }

        private sealed class Releaser : IDisposable
        {
            private SemaphoreSlim? _semaphore;

            public Releaser(SemaphoreSlim semaphore) => _semaphore = semaphore;

            public void Dispose() => Interlocked.Exchange(ref _semaphore, null)?.Release();
        }
    }
}
