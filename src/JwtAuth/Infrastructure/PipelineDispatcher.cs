using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace JwtAuth.Infrastructure
{
    /// <summary>
    /// PowerShell allows WriteObject, WriteError, WriteVerbose and WriteProgress only on the pipeline
    /// thread. Work runs on the thread pool; it posts what it wants written here, and the pipeline
    /// thread runs those posts in order while it waits for the work to finish.
    /// </summary>
    internal sealed class PipelineDispatcher : IDisposable
    {
        private readonly BlockingCollection<Action> _posts = new BlockingCollection<Action>();

        /// <summary>Called from any thread.</summary>
        public void Post(Action write)
        {
            try { _posts.Add(write); }
            catch (InvalidOperationException) { /* the pipeline stopped listening; drop late output */ }
        }

        /// <summary>
        /// Runs <paramref name="work"/> on the thread pool and pumps its posts on the calling (pipeline) thread
        /// until it completes. Cancelling <paramref name="stop"/> (Ctrl+C) cancels the work and returns at once.
        /// </summary>
        public void Run(Func<CancellationToken, Task> work, CancellationToken stop)
        {
            var task = Task.Run(() => work(stop), stop);
            task.ContinueWith(_ => _posts.CompleteAdding(), TaskScheduler.Default);
            try
            {
                foreach (var write in _posts.GetConsumingEnumerable(stop))
                    write();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            task.GetAwaiter().GetResult();
        }

        public void Dispose() => _posts.Dispose();
    }
}
