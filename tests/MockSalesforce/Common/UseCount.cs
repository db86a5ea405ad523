namespace MockSalesforce.Common;

/// <summary>How often a fault, plan or failure rule still applies: a count taken thread-safely, or forever.</summary>
internal sealed class UseCount
{
    private int _remaining;

    /// <summary>null: never runs out.</summary>
    public UseCount(int? count, string what)
    {
        if (count is <= 0) throw new ArgumentOutOfRangeException(nameof(count), $"A {what} must apply at least once (null = always).");
        Forever = count is null;
        _remaining = count ?? 0;
    }

    public bool Forever { get; }

    public int Remaining => Volatile.Read(ref _remaining);

    /// <summary>True while it still applies to something.</summary>
    public bool Pending => Forever || Remaining > 0;

    /// <summary>Takes one use; false when used up (another thread may have taken the last one).</summary>
    public bool TryConsume()
    {
        if (Forever) return true;
        while (true)
        {
            int current = Volatile.Read(ref _remaining);
            if (current <= 0) return false;
            if (Interlocked.CompareExchange(ref _remaining, current - 1, current) == current) return true;
        }
    }
}
