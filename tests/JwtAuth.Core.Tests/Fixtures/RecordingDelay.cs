using System.Collections.Concurrent;

namespace JwtAuth.Core.Tests.Fixtures;

/// <summary>A login client's delay that records each requested wait instead of sleeping (honouring cancellation).</summary>
internal sealed class RecordingDelay
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    /// <summary>Every wait, in the order they were made (any thread).</summary>
    public IReadOnlyList<TimeSpan> Waits => _waits.ToArray();

    /// <summary>Runs after a wait is recorded and before <see cref="OnWait"/>: a test can cancel, block or record more here.</summary>
    public Func<TimeSpan, CancellationToken, Task> BeforeWait { get; set; } = (_, _) => Task.CompletedTask;

    /// <summary>Called once each wait is over, e.g. to advance the mock's clock by it.</summary>
    public Action<TimeSpan>? OnWait { get; set; }

    public async Task DelayAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _waits.Enqueue(wait);
        await BeforeWait(wait, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        OnWait?.Invoke(wait);
    }
}
