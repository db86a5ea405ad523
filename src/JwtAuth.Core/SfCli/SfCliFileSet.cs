using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using JwtAuth.Core.Errors;
using JwtAuth.Core.IO;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.SfCli
{
    /// <summary>
    /// One change to several CLI files: locks them all (in path order, so two of our writers never deadlock),
    /// reads them under the locks, and commits only after every new content is staged beside its target.
    /// A file that cannot be parsed stops the change before anything is written.
    /// </summary>
    internal sealed class SfCliFileSet : IDisposable
    {
        private readonly List<SfCliFileLock> _locks = new List<SfCliFileLock>();
        private readonly Dictionary<string, (string Text, bool Indented)?> _pending =
            new Dictionary<string, (string, bool)?>(StringComparer.Ordinal);

        private SfCliFileSet() { }

        public static SfCliFileSet Lock(IEnumerable<string> paths, SfCliLockOptions options, CancellationToken cancellationToken = default)
        {
            var set = new SfCliFileSet();
            try
            {
                foreach (var path in paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal))
                {
                    var directory = Path.GetDirectoryName(path)!;
                    if (!Directory.Exists(directory)) OwnerOnlyAccess.EnsureOwnerOnlyDirectory(directory);
                    set._locks.Add(SfCliFileLock.Acquire(path, options, cancellationToken));
                }
                return set;
            }
            catch
            {
                set.Dispose();
                throw;
            }
        }

        /// <summary>The file's object as it is now on disk (null if missing). Must be one of the locked files.</summary>
        public JObject? Read(string path) => SfCliJson.ReadObject(Locked(path));

        /// <summary>Stages new content for a locked file; written by <see cref="Commit"/>.</summary>
        public void Write(string path, JObject content, bool indented) =>
            _pending[Locked(path)] = (SfCliJson.Serialize(content, indented), indented);

        /// <summary>Stages the removal of a locked file.</summary>
        public void Delete(string path) => _pending[Locked(path)] = null;

        /// <summary>
        /// Writes every staged file to a temporary sibling first, then renames them over their targets and
        /// removes the deleted ones. A failure while staging leaves every target as it was.
        /// </summary>
        public void Commit()
        {
            var staged = new List<(string Temp, string Target)>();
            try
            {
                foreach (var entry in _pending)
                {
                    if (entry.Value is { } content)
                        staged.Add((AtomicFile.WriteTemporarySibling(entry.Key, new UTF8Encoding(false).GetBytes(content.Text), ownerOnly: true), entry.Key));
                }
                foreach (var (temp, target) in staged) AtomicFile.Commit(temp, target, overwrite: true);
                foreach (var entry in _pending.Where(e => e.Value is null)) File.Delete(entry.Key);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new SfCliException(SfCliErrorIds.WriteFailed, JwtAuthErrorKind.WriteError,
                    $"Could not write the Salesforce CLI files in '{Path.GetDirectoryName(_pending.Keys.First())}' ({e.GetType().Name}).",
                    "Check free space and that the current user owns ~/.sfdx and ~/.sf, then retry.", _pending.Keys.First(), e);
            }
            finally
            {
                foreach (var (temp, _) in staged) AtomicFile.TryDelete(temp);
                _pending.Clear();
            }
        }

        public void Dispose()
        {
            for (var i = _locks.Count - 1; i >= 0; i--) _locks[i].Dispose();
            _locks.Clear();
        }

        private string Locked(string path)
        {
            var full = Path.GetFullPath(path);
            if (!_locks.Any(l => string.Equals(l.FilePath, full, StringComparison.Ordinal)))
                throw new InvalidOperationException("The file was not locked by this change: " + full);
            return full;
        }
    }
}
