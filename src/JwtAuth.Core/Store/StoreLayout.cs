using System;
using System.IO;
using System.Threading;
using JwtAuth.Core.IO;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// Where the store's files are and how writers take turns: the folders (created owner-only), the
    /// <c>store.lock</c> every change runs under, the per-org renewal locks in <c>locks/</c>, and the
    /// atomic replace whose hidden temporary files a writer that died may leave behind.
    /// </summary>
    internal sealed class StoreLayout
    {
        public StoreLayout(string directory)
        {
            if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("The store folder is empty.", nameof(directory));
            DirectoryPath = Path.GetFullPath(directory);
        }

        public string DirectoryPath { get; }

        public string OrgsDirectory => Path.Combine(DirectoryPath, "orgs");

        public const string SettingsFileName = "settings.json";

        public string SettingsPath => Path.Combine(DirectoryPath, SettingsFileName);

        public string KeyPath => Path.Combine(DirectoryPath, "key.bin");

        private string LocksDirectory => Path.Combine(DirectoryPath, "locks");

        private string StoreLockPath => Path.Combine(DirectoryPath, "store.lock");

        /// <summary>False until the first write creates the folder; readers then have nothing to read.</summary>
        public bool Exists => Directory.Exists(DirectoryPath);

        /// <summary>Test seam: runs with the target path after its temporary file is written, before the rename.</summary>
        public Action<string>? BeforeCommit { get; set; }

        /// <summary>Takes the writers' lock; every temporary file found while holding it belongs to a writer that died, and is deleted.</summary>
        public IDisposable LockStore(TimeSpan timeout, CancellationToken cancellationToken)
        {
            EnsureCreated();
            var storeLock = FileLock.Acquire(StoreLockPath, timeout, cancellationToken);
            RemoveOrphanedTemporaryFiles();
            return storeLock;
        }

        /// <summary>Takes one org's renewal lock (<c>locks/&lt;name&gt;.lock</c>).</summary>
        public IDisposable LockOrg(string username, TimeSpan timeout, CancellationToken cancellationToken)
        {
            EnsureCreated();
            return FileLock.Acquire(Path.Combine(LocksDirectory, OrgFileName.For(username) + ".lock"), timeout, cancellationToken);
        }

        /// <summary>Replaces a store file atomically; only under <see cref="LockStore"/>, which is what makes leftovers safe to delete.</summary>
        public void Replace(string path, byte[] content) => StoreFiles.Replace(path, content, BeforeCommit);

        private void EnsureCreated()
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
    }
}
