using System;

namespace JwtAuth.Core.Service
{
    /// <summary>
    /// An IProgress that reports on the caller's thread at once. Progress&lt;T&gt; would post to a captured
    /// SynchronizationContext or the thread pool and could report after the operation has ended.
    /// </summary>
    internal sealed class InlineProgress<T> : IProgress<T>
    {
        private readonly Action<T> _report;

        public InlineProgress(Action<T> report) => _report = report;

        public void Report(T value) => _report(value);
    }
}
