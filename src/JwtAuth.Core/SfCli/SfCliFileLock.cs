using System;
using System.ComponentModel;
using System.IO;
using System.Threading;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Text;

namespace JwtAuth.Core.SfCli
{
    /// <summary>
    /// The lock the Salesforce CLI puts on a state file while it rewrites it, mirrored from npm proper-lockfile
    /// (sfdx-core's fileLocking.ts): the lock is a FOLDER <c>&lt;file&gt;.lock</c> made with mkdir; its holder
    /// touches its mtime every half stale period; one whose mtime is older than the stale period (10 s) was left
    /// by a crashed writer and is removed and retaken. Waiting retries with backoff up to one second.
    /// </summary>
    internal sealed class SfCliFileLock : IDisposable
    {
        private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(20);
        private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

        private readonly Timer _keepFresh;
        private int _released;

        private SfCliFileLock(string filePath, string lockPath, TimeSpan staleAfter)
        {
            FilePath = filePath;
            LockPath = lockPath;
            var period = TimeSpan.FromTicks(staleAfter.Ticks / 2);
            _keepFresh = new Timer(_ => Touch(), null, period, period);
        }

        public string FilePath { get; }

        public string LockPath { get; }

        public static string LockPathOf(string filePath) => Path.GetFullPath(filePath) + ".lock";

        /// <summary>Takes the lock of <paramref name="filePath"/>, waiting for a live holder and taking over a stale one.</summary>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while another writer held the lock.</exception>
        public static SfCliFileLock Acquire(string filePath, SfCliLockOptions options, CancellationToken cancellationToken = default)
        {
            var lockPath = LockPathOf(filePath);
            var deadline = DateTime.UtcNow + options.Timeout;
            var delay = FirstDelay;
            while (true)
            {
                if (TryCreate(lockPath, filePath)) return new SfCliFileLock(filePath, lockPath, options.StaleAfter);

                if (IsStale(lockPath, options.StaleAfter) && TryRemoveStale(lockPath)) continue;

                if (DateTime.UtcNow >= deadline)
                    throw new SfCliException(SfCliErrorIds.FileLocked, JwtAuthErrorKind.ResourceUnavailable,
                        $"The Salesforce CLI file '{filePath}' stayed locked by another writer ('{lockPath}' exists) for {Plural.Of(options.Timeout.TotalSeconds, "second", "0.#")}.",
                        $"Wait for the running 'sf' command to finish and retry. If no 'sf' command is running, the lock is left over from a crash and is taken over by itself {Plural.Of(options.StaleAfter.TotalSeconds, "second", "0.#")} after its last change; delete the folder '{lockPath}' to release it now.",
                        filePath);

                // Pausing on the token, so that Ctrl+C ends the wait at once rather than after the timeout.
                cancellationToken.ThrowIfCancellationRequested();
                cancellationToken.WaitHandle.WaitOne(delay);
                cancellationToken.ThrowIfCancellationRequested();
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }

        /// <summary>
        /// Waits (up to <paramref name="maxWait"/>) while a live writer holds the file's lock, as sfdx-core does before it
        /// reads: the CLI rewrites its files in place, so a read during its write could see half a file.
        /// </summary>
        public static void WaitWhileLocked(string filePath, SfCliLockOptions options, TimeSpan maxWait)
        {
            var lockPath = LockPathOf(filePath);
            var deadline = DateTime.UtcNow + maxWait;
            while (Directory.Exists(lockPath) && !IsStale(lockPath, options.StaleAfter) && DateTime.UtcNow < deadline)
                Thread.Sleep(FirstDelay);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            _keepFresh.Dispose();
            try { Directory.Delete(LockPath, recursive: false); }
            catch (DirectoryNotFoundException) { }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }

        private void Touch()
        {
            if (Volatile.Read(ref _released) != 0) return;
            try { Directory.SetLastWriteTimeUtc(LockPath, DateTime.UtcNow); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }

        private static bool TryCreate(string lockPath, string filePath)
        {
            try
            {
                return LockDirectory.TryCreate(lockPath);
            }
            catch (Win32Exception e)
            {
                throw new SfCliException(SfCliErrorIds.WriteFailed, JwtAuthErrorKind.WriteError,
                    $"Could not create the lock folder '{lockPath}' for '{filePath}' ({e.Message}).",
                    "Check that the folder exists and is writable by the current user.", filePath, e);
            }
        }

        private static bool IsStale(string lockPath, TimeSpan staleAfter)
        {
            var info = new DirectoryInfo(lockPath);
            if (!info.Exists) return File.Exists(lockPath) && File.GetLastWriteTimeUtc(lockPath) < DateTime.UtcNow - staleAfter;
            return info.LastWriteTimeUtc < DateTime.UtcNow - staleAfter;
        }

        /// <summary>False when the stale lock cannot be removed (not ours to delete, or not empty): then we wait as for a live one.</summary>
        private static bool TryRemoveStale(string lockPath)
        {
            try
            {
                if (Directory.Exists(lockPath)) Directory.Delete(lockPath, recursive: false);
                else if (File.Exists(lockPath)) File.Delete(lockPath);
                return true;
            }
            catch (DirectoryNotFoundException) { return true; }
            catch (FileNotFoundException) { return true; }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        }
    }
}
