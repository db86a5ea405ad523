using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using JwtAuth.Core.IO;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// The org files, <c>orgs/&lt;username&gt;.json</c>: one versioned JSON document per org, whose
    /// <c>revision</c> grows on every write and whose token is only ever stored protected
    /// (<see cref="ITokenProtector"/>, bound to the username).
    /// </summary>
    internal sealed class OrgAuthFiles
    {
        private const string Extension = ".json";
        private readonly StoreLayout _layout;
        private readonly StoreKeyFile _keyFile;
        private readonly ITokenProtector _protector;

        public OrgAuthFiles(StoreLayout layout)
        {
            _layout = layout;
            _keyFile = new StoreKeyFile(layout.KeyPath);
            _protector = CreateProtector(_keyFile);
        }

        public string PathOf(string username) => Path.Combine(_layout.OrgsDirectory, OrgFileName.For(username) + Extension);

        public bool Exists(string username) => File.Exists(PathOf(username));

        /// <summary>Every org that can be read; each file that cannot, and a damaged token key, is added to <paramref name="problems"/> instead.</summary>
        public IReadOnlyList<StoredOrgAuth> ReadAll(List<StoreProblem> problems)
        {
            var keyProblem = KeyProblem();
            if (keyProblem != null) problems.Add(keyProblem);

            IReadOnlyList<string> files;
            try
            {
                files = List();
            }
            catch (StoreException e)
            {
                problems.Add(StoreProblem.From(e));
                return Array.Empty<StoredOrgAuth>();
            }

            var auths = new List<StoredOrgAuth>();
            foreach (var path in files)
            {
                try
                {
                    var auth = Read(path);
                    if (auth != null) auths.Add(auth);
                }
                catch (StoreException e)
                {
                    problems.Add(StoreProblem.From(e));
                }
            }
            return auths;
        }

        /// <summary>Every org file, sorted; temporary files (which start with '.') are not org files.</summary>
        private IReadOnlyList<string> List()
        {
            var folder = _layout.OrgsDirectory;
            if (!Directory.Exists(folder)) return Array.Empty<string>();
            try
            {
                return Directory.GetFiles(folder, "*" + Extension)
                    .Where(p => !Path.GetFileName(p).StartsWith(".", StringComparison.Ordinal)
                                && p.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(p => p, StringComparer.Ordinal)
                    .ToList();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw StoreException.FileUnreadable(folder, e);
            }
        }

        /// <summary>A <c>key.bin</c> that is there but not a key: every stored token then reads as unreadable.</summary>
        private StoreProblem? KeyProblem()
        {
            if (OwnerOnlyAccess.IsWindows || !_keyFile.IsDamaged()) return null;
            return StoreProblem.From(StoreException.KeyInvalid(_keyFile.Path, StoreKeyFile.KeyLength));
        }

        /// <summary>The auth in <paramref name="path"/> with its token decrypted (or marked unreadable), or null when there is no such file.</summary>
        public StoredOrgAuth? Read(string path)
        {
            var document = ReadDocument(path);
            return document == null ? null : Decrypted(document, path);
        }

        /// <summary>The auth <paramref name="document"/> holds, with its token decrypted (or marked unreadable).</summary>
        public StoredOrgAuth Decrypted(OrgAuthDocument document, string path)
        {
            var auth = document.ToOrgAuth();
            var state = StoredTokenState.None;
            if (document.AccessToken != null)
            {
                auth.AccessToken = _protector.Unprotect(document.AccessToken, document.Username);
                state = auth.AccessToken == null ? StoredTokenState.Unreadable : StoredTokenState.Available;
            }
            return Stored(document, auth, state, path);
        }

        /// <summary>The document in <paramref name="path"/>, or null when there is no such file; throws for a corrupt, future or misnamed file.</summary>
        public OrgAuthDocument? ReadDocument(string path)
        {
            var bytes = StoreFiles.ReadIfExists(path);
            if (bytes == null) return null;
            var document = StoreFormat.Deserialize(path, bytes, OrgAuthDocument.Read);
            if (string.IsNullOrWhiteSpace(document.Username))
                throw StoreException.FileCorrupt(path, "it has no 'username'");
            if (!string.Equals(OrgFileName.For(document.Username) + Extension, Path.GetFileName(path), StringComparison.OrdinalIgnoreCase))
                throw StoreException.FileCorrupt(path, $"it holds the auth of '{document.Username}', which belongs in a file of another name");
            return document;
        }

        /// <summary>The revision a new write of <paramref name="username"/>'s file continues from; a corrupt file is overwritten (that repairs it), a newer format is not.</summary>
        public long CurrentRevision(string username)
        {
            try
            {
                return ReadDocument(PathOf(username))?.Revision ?? 0;
            }
            catch (StoreException e) when (e.ErrorId == StoreErrorIds.FileCorrupt)
            {
                return 0;
            }
        }

        /// <summary>
        /// Protects <paramref name="token"/> if that needs no new key, so writers do it before taking the store
        /// lock; null means <see cref="Write"/> protects it under the lock.
        /// </summary>
        public ProtectedToken? ProtectBeforeLock(string token, string username) => _protector.TryProtectWithoutLock(token, username);

        /// <summary>
        /// Under the store lock: writes <paramref name="document"/> as <paramref name="revision"/> of its org's file,
        /// protecting <paramref name="token"/> now if <see cref="ProtectBeforeLock"/> could not.
        /// </summary>
        public void Write(OrgAuthDocument document, long revision, string? token)
        {
            document.Revision = revision;
            if (!string.IsNullOrEmpty(token) && document.AccessToken == null) document.AccessToken = _protector.Protect(token!, document.Username);
            document.SavedAt = DateTimeOffset.UtcNow;
            _layout.Replace(PathOf(document.Username), StoreFormat.Serialize(document));
        }

        /// <summary>Under the store lock: deletes the org's file; false when there was none.</summary>
        public bool Delete(string username)
        {
            var path = PathOf(username);
            if (!File.Exists(path)) return false;
            StoreFiles.Delete(path);
            return true;
        }

        /// <summary>What was just written, from the auth whose token is known in plain form (no decryption needed).</summary>
        public StoredOrgAuth Written(OrgAuthDocument document, OrgAuth auth) =>
            Stored(document, auth, string.IsNullOrEmpty(auth.AccessToken) ? StoredTokenState.None : StoredTokenState.Available, PathOf(document.Username));

        private static StoredOrgAuth Stored(OrgAuthDocument document, OrgAuth auth, StoredTokenState state, string path) =>
            new StoredOrgAuth(auth, Array.Empty<string>(), false, false, OrgAuthScope.CurrentUser, state, document.Revision, path);

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
