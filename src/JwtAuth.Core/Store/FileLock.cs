using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using JwtAuth.Core.IO;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// A cross-process lock held as an open <c>.lock</c> file with no sharing (flock on Unix, a
    /// share-mode lock on Windows). The system drops it when the holder exits or is killed, so a
    /// crashed process cannot hold it forever; the file itself is never deleted, because deleting a
    /// lock file lets two processes lock two different files of the same name.
    /// A free lock is always taken; a wait for a held one ends at once when the token is cancelled.
    /// </summary>
    internal sealed class FileLock : IDisposable
    {
        private static readonly TimeSpan MaxPause = TimeSpan.FromMilliseconds(100);
        private FileStream? _stream;

        private FileLock(FileStream stream) => _stream = stream;

        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the lock was held elsewhere.</exception>
        public static FileLock Acquire(string path, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var pause = TimeSpan.FromMilliseconds(2);
            var random = new Random();
            while (true)
            {
                try
                {
                    return new FileLock(Open(path));
                }
                catch (IOException e) when (IsContention(e))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (clock.Elapsed >= timeout) throw StoreException.LockTimeout(path, timeout);
                    // Pausing on the token instead of sleeping, so that Ctrl+C ends the wait at once rather than after the timeout.
                    cancellationToken.WaitHandle.WaitOne(pause + TimeSpan.FromMilliseconds(random.Next(0, 5)));
                    pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPause.Ticks));
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw StoreException.WriteFailed(path, e);
                }
            }
        }

        public void Dispose()
        {
            var stream = Interlocked.Exchange(ref _stream, null);
            stream?.Dispose();
        }

        private static bool IsContention(IOException e) =>
            !(e is FileNotFoundException) && !(e is DirectoryNotFoundException) && !(e is PathTooLongException);

        private static FileStream Open(string path) => OwnerOnlyAccess.OpenFile(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
    }
}
