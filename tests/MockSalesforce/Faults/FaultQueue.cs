namespace MockSalesforce.Faults;

/// <summary>
/// Pending faults, in the order added. For each request, every matching Delay fault is taken, then the first
/// matching fault of another kind; so "503 twice then success" is <c>Enqueue(Fault.Status(503, count: 2))</c>.
/// </summary>
public sealed class FaultQueue
{
    private readonly List<Fault> _faults = new();
    private readonly object _gate = new();

    /// <summary>Adds a fault and returns it (its <see cref="Fault.Remaining"/> shows how often it has fired).</summary>
    public Fault Enqueue(Fault fault)
    {
        lock (_gate) _faults.Add(fault);
        return fault;
    }

    /// <summary>Removes every fault.</summary>
    public void Clear()
    {
        lock (_gate) _faults.Clear();
    }

    /// <summary>Faults that still apply to some request.</summary>
    public IReadOnlyList<Fault> Pending
    {
        get { lock (_gate) return _faults.Where(f => f.Forever || f.Remaining > 0).ToArray(); }
    }

    /// <summary>Takes the faults for one request: delays first, then at most one other fault.</summary>
    internal (IReadOnlyList<Fault> Delays, Fault? Terminal) Take(string method, string path)
    {
        lock (_gate)
        {
            var delays = new List<Fault>();
            Fault? terminal = null;
            foreach (var fault in _faults.Where(f => f.Matches(method, path)).ToArray())
            {
                if (fault.Kind == FaultKind.Delay)
                {
                    if (fault.TryConsume()) delays.Add(fault);
                }
                else if (terminal is null && fault.TryConsume())
                {
                    terminal = fault;
                }
            }
            _faults.RemoveAll(f => !f.Forever && f.Remaining <= 0);
            return (delays, terminal);
        }
    }
}
