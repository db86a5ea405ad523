using System;
using System.IO;

namespace JwtAuth.Core.IO
{
    /// <summary>
    /// Writes a file so that readers see either the old content or the new, never a part:
    /// the bytes go to a temporary file in the same folder (owner-only from its creation when asked),
    /// are flushed to disk, and the temporary file is renamed over the target.
    /// </summary>
    public static class AtomicFile
    {
        /// <summary>
        /// Writes <paramref name="data"/> to a new hidden file beside <paramref name="targetPath"/> and returns its path.
        /// Callers that write several files stage them all first and commit them last.
        /// </summary>
        public static string WriteTemporarySibling(string targetPath, byte[] data, bool ownerOnly)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(targetPath)) ?? ".";
            var temp = Path.Combine(directory, "." + Path.GetFileName(targetPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
            try
            {
                using (var stream = ownerOnly ? OwnerOnlyAccess.OpenFile(temp, FileMode.CreateNew, FileAccess.Write) : new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(data, 0, data.Length);
                    stream.Flush(flushToDisk: true);
                }
                if (ownerOnly && OwnerOnlyAccess.IsWindows) OwnerOnlyAccess.RestrictFile(temp);
                return temp;
            }
            catch
            {
                TryDelete(temp);
                throw;
            }
        }

        /// <summary>Renames a staged temporary file onto its target. Without overwrite, an existing target is an IOException.</summary>
        public static void Commit(string temporaryPath, string targetPath, bool overwrite)
        {
#if NET8_0_OR_GREATER
            File.Move(temporaryPath, targetPath, overwrite);
#else
            if (overwrite && File.Exists(targetPath))
                File.Replace(temporaryPath, targetPath, destinationBackupFileName: null, ignoreMetadataErrors: true);
            else
                File.Move(temporaryPath, targetPath);
#endif
        }

        public static void TryDelete(string path)
        {
            try { if (File.Exists(path)) File.Delete(path); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
