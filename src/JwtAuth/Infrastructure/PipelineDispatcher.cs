using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace JwtAuth.Infrastructure
{
    /// <summary>
    /// PowerShell allows WriteObject, WriteError, WriteVerbose and WriteProgress only on the pipeline
    /// thread. Work runs on the thread pool; it posts what it wants written here, and the pipeline
    /// thread runs those posts in order while it waits for the work to finish.
    /// </summary>
    /// <remarks>
    /// The pipeline can stop taking output before the work is done: Ctrl+C, a terminating error from a write
    /// (-ErrorAction Stop, ThrowTerminatingError), or a downstream <c>Select-Object -First</c>. Then the work is
    /// cancelled and still waited for, so that nothing it does happens after the cmdlet has returned, and what it
    /// posts meanwhile is still written where the pipeline allows it, or handed to the post's fallback.
    /// </remarks>
    internal sealed class PipelineDispatcher : IDisposable
    {
        /// <summary>How long a stopped run waits for its cancelled work; every wait in the work ends on cancellation, so it is a safety net.</summary>
        private static readonly TimeSpan StoppedWorkLimit = TimeSpan.FromSeconds(30);

        private readonly BlockingCollection<(Action Write, Action? Unwritten)> _posts = new BlockingCollection<(Action, Action?)>();

        /// <summary>Called from any thread. <paramref name="unwritten"/> runs instead when the pipeline no longer takes the write.</summary>
        public void Post(Action write, Action? unwritten = null)
        {
            // InvalidOperationException (ObjectDisposedException is one): the run has ended, nothing is left to write to.
            try { _posts.Add((write, unwritten)); }
            catch (InvalidOperationException) { }
        }

        /// <summary>
        /// Runs <paramref name="work"/> on the thread pool and pumps its posts on the calling (pipeline) thread until it
        /// completes. When <paramref name="stop"/> is cancelled or a write throws, the work's token is cancelled, the work
        /// is waited for, and then the stop (as <see cref="PipelineStoppedException"/>) or the write's exception is rethrown.
        /// </summary>
        public void Run(Func<CancellationToken, Task> work, CancellationToken stop)
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var task = Task.Run(() => work(cancel.Token));
            task.ContinueWith(t => { _ = t.Exception; _posts.CompleteAdding(); }, TaskScheduler.Default);

            var ended = Pump(stop);
            if (ended is null)
            {
                task.GetAwaiter().GetResult();
                return;
            }

            cancel.Cancel();
            Drain(DateTime.UtcNow + StoppedWorkLimit);
            ended.Throw();
        }

        /// <summary>Writes posts until the work completes (null) or the pipeline stops taking output (why).</summary>
        private ExceptionDispatchInfo? Pump(CancellationToken stop)
        {
            while (true)
            {
                (Action Write, Action? Unwritten) post;
                try
                {
                    if (!_posts.TryTake(out post, Timeout.Infinite, stop)) return null;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return ExceptionDispatchInfo.Capture(new PipelineStoppedException());
                }

                try
                {
                    post.Write();
                }
                catch (Exception e)
                {
                    Unwritten(post);
                    return ExceptionDispatchInfo.Capture(e);
                }
            }
        }

        /// <summary>After a stop: what the cancelled work still posts is written if the pipeline takes it, else given to its fallback.</summary>
        private void Drain(DateTime until)
        {
            while (true)
            {
                var left = until - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !_posts.TryTake(out var post, left)) return;
                try
                {
                    post.Write();
                }
                catch (Exception)
                {
                    Unwritten(post);
                }
            }
        }

        private static void Unwritten((Action Write, Action? Unwritten) post)
        {
            try
            {
                post.Unwritten?.Invoke();
            }
            catch (Exception)
            {
                // The fallback is the last resort; a stopped pipeline may refuse that too.
            }
        }

        public void Dispose()
        {
            // Left undisposed while cancelled work is still running past the limit, so its late posts are dropped, not thrown.
            if (_posts.IsAddingCompleted) _posts.Dispose();
        }
    }
}
