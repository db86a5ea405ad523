namespace MockSalesforce;

/// <summary>
/// The mock's notion of "now": the system clock plus an offset tests can move, so session expiry,
/// scratch-user replication and assertion expiry can be exercised without sleeping.
/// </summary>
public sealed class MockClock
{
    private long _offsetTicks;

    /// <summary>The mock's current time.</summary>
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow + Offset;

    /// <summary>How far the mock's clock is ahead of (or behind) the system clock.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the mock's clock forward (or back, with a negative span).</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Puts the mock's clock back onto the system clock.</summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
