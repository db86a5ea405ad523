using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.ExceptionServices;
using JwtAuth.Core.IO;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// The user's org auths on disk, safe for many processes at once. Layout (see docs/store.md):
    /// <c>orgs/&lt;username&gt;.json</c> per org, <c>settings.json</c> for aliases and defaults,
    /// <c>store.lock</c> serializing writers, <c>locks/</c> for per-org renewal locks and, on
    /// Linux and macOS, <c>key.bin</c> for token encryption. Every file is replaced atomically;
    /// readers take no lock.
    /// </summary>
    public sealed class OrgAuthStore : IOrgAuthStore
    {
        /// <summary>How long a writer waits for another process's write before giving up.</summary>
        public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(60);

        private const string OrgFileExtension = ".json";
        private readonly ITokenProtector _protector;

        public OrgAuthStore(string directory) : this(directory, DefaultLockTimeout)
        {
        }

        public OrgAuthStore(string directory, TimeSpan lockTimeout)
        {
            if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("The store folder is empty.", nameof(directory));
            DirectoryPath = Path.GetFullPath(directory);
            LockTimeout = lockTimeout;
            _protector = CreateProtector(new StoreKeyFile(Path.Combine(DirectoryPath, "key.bin")));
        }

        /// <summary>The store at <see cref="StoreDirectory.Resolve"/> (honours <c>JWTAUTH_HOME</c>).</summary>
        public static OrgAuthStore OpenDefault() => new OrgAuthStore(StoreDirectory.Resolve());

        /// <summary>The default folder: <c>$JWTAUTH_HOME</c> or the per-user data folder.</summary>
        public static string ResolveDirectory() => StoreDirectory.Resolve();

        public string DirectoryPath { get; }

        public TimeSpan LockTimeout { get; }

        public OrgAuthScope Scope => OrgAuthScope.CurrentUser;

        /// <summary>Test seam: runs with the target path after its temporary file is written, before the rename.</summary>
        internal Action<string>? BeforeCommit { get; set; }

        private string OrgsDirectory => Path.Combine(DirectoryPath, "orgs");
        private string LocksDirectory => Path.Combine(DirectoryPath, "locks");
        private string SettingsPath => Path.Combine(DirectoryPath, "settings.json");
        private string StoreLockPath => Path.Combine(DirectoryPath, "store.lock");
        private string KeyPath => Path.Combine(DirectoryPath, "key.bin");

        internal string OrgPath(string username) => Path.Combine(OrgsDirectory, OrgFileName.For(username) + OrgFileExtension);

        public StoreSnapshot ReadAll()
        {
            var problems = new List<StoreProblem>();
            var auths = new List<StoredOrgAuth>();
            if (!Directory.Exists(DirectoryPath)) return StoreSnapshot.Create(auths, new OrgIndex(), problems);

            var index = ReadSettings(problems);
            if (!OwnerOnlyAccess.IsWindows && new StoreKeyFile(KeyPath).IsDamaged())
                problems.Add(new StoreProblem(KeyPath, StoreErrorIds.KeyInvalid,
                    $"The token key '{KeyPath}' is not a {StoreKeyFile.KeyLength}-byte key, so stored tokens cannot be decrypted. The next Connect-SfOrgJwt replaces it; tokens are renewed as needed."));

            IEnumerable<string> files;
            try
            {
                files = OrgFiles();
            }
            catch (StoreException e)
            {
                problems.Add(StoreProblem.From(e));
                files = Array.Empty<string>();
            }

            foreach (var path in files)
            {
                try
                {
                    var auth = ReadOrg(path);
                    if (auth != null) auths.Add(auth);
                }
                catch (StoreException e)
                {
                    problems.Add(StoreProblem.From(e));
                }
            }
            return StoreSnapshot.Create(auths, index, problems);
        }

        public StoredOrgAuth? Find(string usernameOrAlias)
        {
            if (string.IsNullOrWhiteSpace(usernameOrAlias)) return null;
            if (!Directory.Exists(DirectoryPath)) return null;
            var index = ReadSettings(problems: null);
            var username = ResolveUsername(usernameOrAlias, index);
            if (username == null) return null;
            var auth = ReadOrg(OrgPath(username));
            return auth == null ? null : Marked(auth, index);
        }

        public IReadOnlyList<StoredOrgAuth> Match(string wildcardPattern) => ReadAll().Match(wildcardPattern);

        public StoredOrgAuth Save(OrgAuth auth, bool setDefault = false, bool setDefaultDevHub = false)
        {
            if (auth == null) throw new ArgumentNullException(nameof(auth));
            var outcome = SaveMany(new[] { new OrgAuthSave(auth, setDefault, setDefaultDevHub) })[0];
            if (outcome.Error != null) ExceptionDispatchInfo.Capture(outcome.Error).Throw();
            return outcome.Stored!;
        }

        public IReadOnlyList<OrgAuthSaveOutcome> SaveMany(IReadOnlyList<OrgAuthSave> saves)
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
                    pending.Add(PendingSave.Prepare(i, saves[i], _protector));
                }
                catch (StoreException e)
                {
                    outcomes[i] = new OrgAuthSaveOutcome(null, e);
                }
            }

            if (pending.Count == 0) return outcomes;
            StoreFormat.Serialize(pending[0].Document);
            ReadSettings(problems: null);

            using (LockStore())
            {
                var changesIndex = pending.Any(p => p.ChangesIndex);
                OrgIndex index;
                try
                {
                    index = changesIndex ? ReadSettingsForWrite() : ReadSettings(problems: null);
                }
                catch (StoreException e)
                {
                    // settings.json cannot be rewritten: only the saves that would change it fail.
                    foreach (var p in pending.Where(p => p.ChangesIndex)) outcomes[p.Index] = new OrgAuthSaveOutcome(null, e);
                    pending.RemoveAll(p => p.ChangesIndex);
                    index = ReadSettings(problems: null);
                }

                var written = new List<(PendingSave Save, string Path)>();
                var indexChanged = false;
                foreach (var save in pending)
                {
                    try
                    {
                        var path = OrgPath(save.Username);
                        save.Document.Revision = ReadRevisionForOverwrite(path) + 1;
                        if (save.HasToken && save.Document.AccessToken == null)
                            save.Document.AccessToken = _protector.Protect(save.Request.Auth.AccessToken!, save.Username);
                        save.Document.SavedAt = DateTimeOffset.UtcNow;
                        // The org file goes first: a settings.json naming an org whose file is not there yet would be a dangling alias.
                        Write(path, StoreFormat.Serialize(save.Document));
                        written.Add((save, path));
                    }
                    catch (StoreException e)
                    {
                        outcomes[save.Index] = new OrgAuthSaveOutcome(null, e);
                        continue;
                    }

                    if (save.Alias != null) indexChanged |= index.SetAlias(save.Alias, save.Username);
                    if (save.Request.SetDefault && index.DefaultOrg != save.Username) { index.DefaultOrg = save.Username; indexChanged = true; }
                    if (save.Request.SetDefaultDevHub && index.DefaultDevHub != save.Username) { index.DefaultDevHub = save.Username; indexChanged = true; }
                }

                // One settings.json write for the whole batch: a bulk connect gives every org an alias.
                if (indexChanged) Write(SettingsPath, StoreFormat.Serialize(SettingsDocument.From(index)));

                foreach (var (save, path) in written)
                {
                    var stored = OrgAuthCopy.Of(save.Request.Auth);
                    stored.Alias = null;
                    outcomes[save.Index] = new OrgAuthSaveOutcome(Marked(FromDocument(save.Document, stored, path), index), null);
                }
            }

            return outcomes;
        }

        public bool Remove(string usernameOrAlias)
        {
            if (string.IsNullOrWhiteSpace(usernameOrAlias)) return false;
            if (!Directory.Exists(DirectoryPath)) return false;
            using (LockStore())
            {
                var index = ReadSettingsForWrite();
                var username = ResolveUsername(usernameOrAlias, index);
                if (username == null) return false;
                // Settings first: an alias left pointing at a deleted file is harmless, but not needed either.
                var forgotten = index.Forget(username);
                if (forgotten) Write(SettingsPath, StoreFormat.Serialize(SettingsDocument.From(index)));
                var path = OrgPath(username);
                var existed = File.Exists(path);
                if (existed) StoreFiles.Delete(path);
                return forgotten || existed;
            }
        }

        public StoredOrgAuth SetAlias(string alias, string usernameOrAlias)
        {
            OrgNames.Alias(alias);
            using (LockStore())
            {
                var index = ReadSettingsForWrite();
                var auth = ResolveExisting(usernameOrAlias, index);
                if (index.SetAlias(alias, auth.Username)) Write(SettingsPath, StoreFormat.Serialize(SettingsDocument.From(index)));
                return Marked(auth, index);
            }
        }

        public bool RemoveAlias(string alias)
        {
            if (string.IsNullOrWhiteSpace(alias) || !Directory.Exists(DirectoryPath)) return false;
            using (LockStore())
            {
                var index = ReadSettingsForWrite();
                if (!index.RemoveAlias(alias)) return false;
                Write(SettingsPath, StoreFormat.Serialize(SettingsDocument.From(index)));
                return true;
            }
        }

        public void SetDefault(string? usernameOrAlias) => ChangeMark(usernameOrAlias, (index, username) => index.DefaultOrg = username, index => index.DefaultOrg);

        public void SetDefaultDevHub(string? usernameOrAlias) => ChangeMark(usernameOrAlias, (index, username) => index.DefaultDevHub = username, index => index.DefaultDevHub);

        public TokenUpdateResult UpdateToken(string username, long expectedRevision, string accessToken, DateTimeOffset issuedAt, string? instanceUrl = null)
        {
            OrgNames.Username(username);
            if (string.IsNullOrEmpty(accessToken)) throw new ArgumentException("The access token is empty.", nameof(accessToken));
            var protectedToken = _protector.TryProtectWithoutLock(accessToken, username);
            using (LockStore())
            {
                var path = OrgPath(username);
                var document = ReadDocument(path) ?? throw StoreException.NotFound(username);
                var index = ReadSettings(problems: null);
                if (document.Revision != expectedRevision)
                    return new TokenUpdateResult(false, Marked(FromDocument(document, path), index));

                document.AccessToken = protectedToken ?? _protector.Protect(accessToken, document.Username);
                document.IssuedAt = issuedAt;
                if (!string.IsNullOrEmpty(instanceUrl)) document.InstanceUrl = instanceUrl;
                document.Revision++;
                document.SavedAt = DateTimeOffset.UtcNow;
                Write(path, StoreFormat.Serialize(document));

                var auth = document.ToOrgAuth();
                auth.AccessToken = accessToken;
                return new TokenUpdateResult(true, Marked(FromDocument(document, auth, path), index));
            }
        }

        public IDisposable AcquireOrgLock(string username, TimeSpan timeout)
        {
            OrgNames.Username(username);
            EnsureLayout();
            return FileLock.Acquire(Path.Combine(LocksDirectory, OrgFileName.For(username) + ".lock"), timeout);
        }

        private void ChangeMark(string? usernameOrAlias, Action<OrgIndex, string?> set, Func<OrgIndex, string?> get)
        {
            if (usernameOrAlias == null && !Directory.Exists(DirectoryPath)) return;
            using (LockStore())
            {
                var index = ReadSettingsForWrite();
                var username = usernameOrAlias == null ? null : ResolveExisting(usernameOrAlias, index).Username;
                if (get(index) == username) return;
                set(index, username);
                Write(SettingsPath, StoreFormat.Serialize(SettingsDocument.From(index)));
            }
        }

        private IDisposable LockStore()
        {
            EnsureLayout();
            var storeLock = FileLock.Acquire(StoreLockPath, LockTimeout);
            RemoveOrphanedTemporaryFiles();
            return storeLock;
        }

        private void EnsureLayout()
        {
            try
            {
                OwnerOnlyAccess.EnsureOwnerOnlyDirectory(DirectoryPath);
                OwnerOnlyAccess.EnsureOwnerOnlyDirectory(OrgsDirectory);
                OwnerOnlyAccess.EnsureOwnerOnlyDirectory(LocksDirectory);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw StoreException.WriteFailed(DirectoryPath, e);
            }
        }

        /// <summary>
        /// Every temporary file is written under the store lock, so one found while holding the lock
        /// was left by a writer that died before its rename.
        /// </summary>
        private void RemoveOrphanedTemporaryFiles()
        {
            foreach (var folder in new[] { DirectoryPath, OrgsDirectory })
            {
                string[] leftovers;
                try { leftovers = Directory.GetFiles(folder, ".*.tmp"); }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { continue; }
                foreach (var leftover in leftovers) AtomicFile.TryDelete(leftover);
            }
        }

        private void Write(string path, byte[] content) => StoreFiles.Replace(path, content, BeforeCommit);

        private IEnumerable<string> OrgFiles()
        {
            if (!Directory.Exists(OrgsDirectory)) return Array.Empty<string>();
            try
            {
                return Directory.GetFiles(OrgsDirectory, "*" + OrgFileExtension)
                    .Where(p => !Path.GetFileName(p).StartsWith(".", StringComparison.Ordinal)
                                && p.EndsWith(OrgFileExtension, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(p => p, StringComparer.Ordinal)
                    .ToList();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw StoreException.FileUnreadable(OrgsDirectory, e);
            }
        }

        private string? ResolveUsername(string usernameOrAlias, OrgIndex index)
        {
            if (File.Exists(OrgPath(usernameOrAlias))) return usernameOrAlias;
            return index.ResolveAlias(usernameOrAlias);
        }

        private StoredOrgAuth ResolveExisting(string usernameOrAlias, OrgIndex index)
        {
            var username = string.IsNullOrWhiteSpace(usernameOrAlias) ? null : ResolveUsername(usernameOrAlias, index);
            var auth = username == null ? null : ReadOrg(OrgPath(username));
            return auth ?? throw StoreException.NotFound(usernameOrAlias);
        }

        /// <summary>The revision to continue from; a corrupt file is overwritten (that repairs it), a newer format is not.</summary>
        private long ReadRevisionForOverwrite(string path)
        {
            try
            {
                return ReadDocument(path)?.Revision ?? 0;
            }
            catch (StoreException e) when (e.ErrorId == StoreErrorIds.FileCorrupt)
            {
                return 0;
            }
        }

        private StoredOrgAuth? ReadOrg(string path)
        {
            var document = ReadDocument(path);
            return document == null ? null : FromDocument(document, path);
        }

        private OrgAuthDocument? ReadDocument(string path)
        {
            byte[] bytes;
            try
            {
                bytes = StoreFiles.ReadAllBytes(path);
            }
            catch (FileNotFoundException) { return null; }
            catch (DirectoryNotFoundException) { return null; }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw StoreException.FileUnreadable(path, e);
            }

            var document = StoreFormat.Deserialize<OrgAuthDocument>(path, bytes);
            if (string.IsNullOrWhiteSpace(document.Username))
                throw StoreException.FileCorrupt(path, "it has no 'username'");
            if (!string.Equals(OrgFileName.For(document.Username) + OrgFileExtension, Path.GetFileName(path), StringComparison.OrdinalIgnoreCase))
                throw StoreException.FileCorrupt(path, $"it holds the auth of '{document.Username}', which belongs in a file of another name");
            return document;
        }

        private StoredOrgAuth FromDocument(OrgAuthDocument document, string path)
        {
            var auth = document.ToOrgAuth();
            var state = StoredTokenState.None;
            if (document.AccessToken != null)
            {
                auth.AccessToken = _protector.Unprotect(document.AccessToken, document.Username);
                state = auth.AccessToken == null ? StoredTokenState.Unreadable : StoredTokenState.Available;
            }
            return FromDocument(document, auth, path, state);
        }

        private static StoredOrgAuth FromDocument(OrgAuthDocument document, OrgAuth auth, string path) =>
            FromDocument(document, auth, path, string.IsNullOrEmpty(auth.AccessToken) ? StoredTokenState.None : StoredTokenState.Available);

        private static StoredOrgAuth FromDocument(OrgAuthDocument document, OrgAuth auth, string path, StoredTokenState state) =>
            new StoredOrgAuth(auth, Array.Empty<string>(), false, false, OrgAuthScope.CurrentUser, state, document.Revision, path);

        private static StoredOrgAuth Marked(StoredOrgAuth auth, OrgIndex index) =>
            StoreSnapshot.Create(new[] { auth }, index, Array.Empty<StoreProblem>()).Auths[0];

        /// <summary>Aliases and defaults for reading: a bad settings.json is reported (when asked) and read as empty.</summary>
        private OrgIndex ReadSettings(List<StoreProblem>? problems)
        {
            try
            {
                return ReadSettingsForWrite();
            }
            catch (StoreException e)
            {
                problems?.Add(StoreProblem.From(e));
                return new OrgIndex();
            }
        }

        /// <summary>Aliases and defaults for changing them: a bad settings.json stops the write, so it is never silently replaced.</summary>
        private OrgIndex ReadSettingsForWrite()
        {
            byte[] bytes;
            try
            {
                bytes = StoreFiles.ReadAllBytes(SettingsPath);
            }
            catch (FileNotFoundException) { return new OrgIndex(); }
            catch (DirectoryNotFoundException) { return new OrgIndex(); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw StoreException.FileUnreadable(SettingsPath, e);
            }
            return StoreFormat.Deserialize<SettingsDocument>(SettingsPath, bytes).ToIndex();
        }

        private static ITokenProtector CreateProtector(StoreKeyFile keyFile)
        {
#if NET8_0_OR_GREATER
            if (OperatingSystem.IsWindows()) return new DpapiTokenProtector();
            return new AesGcmTokenProtector(keyFile);
#else
            // The net472 build runs only in Windows PowerShell 5.1, on Windows.
            return new DpapiTokenProtector();
#endif
        }
    }
}
