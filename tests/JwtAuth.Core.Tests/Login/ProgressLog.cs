using System.Collections.Concurrent;
using JwtAuth.Core.Login;

namespace JwtAuth.Core.Tests.Login;

/// <summary>Every login progress report, in order, from any thread.</summary>
internal sealed class ProgressLog : IProgress<LoginProgress>
{
    private readonly ConcurrentQueue<LoginProgress> _items = new();

    public IReadOnlyList<LoginProgress> Items => _items.ToArray();

    public void Report(LoginProgress value) => _items.Enqueue(value);
}
