using System;
using System.IO;
using System.Threading;
using JwtAuth.Core.IO;

namespace JwtAuth.Core.Store
{
    /// <summary>File operations with the sharing the store needs: readers never block a writer's rename.</summary>
    internal static class StoreFiles
    {
        /// <summary>Reads a whole file, sharing read, write and delete, so that on Windows a writer can still rename over it.</summary>
        public static byte[] ReadAllBytes(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }

        /// <summary>The file's bytes, or null when it (or its folder) is not there; any other failure is <see cref="StoreErrorIds.FileUnreadable"/>.</summary>
        public static byte[]? ReadIfExists(string path)
        {
            try
            {
                return ReadAllBytes(path);
            }
            catch (FileNotFoundException) { return null; }
            catch (DirectoryNotFoundException) { return null; }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw StoreException.FileUnreadable(path, e);
            }
        }

        /// <summary>
        /// Writes <paramref name="data"/> to a temporary sibling and renames it over <paramref name="path"/>.
        /// On Windows a rename can briefly fail while a scanner or an older reader holds the target, so it is retried.
        /// </summary>
        public static void Replace(string path, byte[] data, Action<string>? beforeCommit = null)
        {
            string temp;
            try
            {
                temp = AtomicFile.WriteTemporarySibling(path, data, ownerOnly: true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw StoreException.WriteFailed(path, e);
            }

            try
            {
                beforeCommit?.Invoke(path);
                CommitWithRetry(temp, path);
            }
            catch
            {
                AtomicFile.TryDelete(temp);
                throw;
            }
        }

        public static void Delete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw StoreException.WriteFailed(path, e);
            }
        }

        private static void CommitWithRetry(string temp, string path)
        {
            const int attempts = 20;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    AtomicFile.Commit(temp, path, overwrite: true);
                    return;
                }
                catch (Exception e) when ((e is IOException || e is UnauthorizedAccessException) && OwnerOnlyAccess.IsWindows && attempt < attempts)
                {
                    Thread.Sleep(10 * attempt);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw StoreException.WriteFailed(path, e);
                }
            }
        }
    }
}
