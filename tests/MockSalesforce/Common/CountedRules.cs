namespace MockSalesforce.Common;

/// <summary>A rule that applies a number of times (or forever), such as a scratch org plan or a deploy failure.</summary>
internal interface ICountedRule
{
    bool Pending { get; }

    bool TryConsume();
}

/// <summary>Rules in the order added; the first matching one that still applies is taken, used-up ones disappear.</summary>
internal sealed class CountedRules<T> where T : class, ICountedRule
{
    private readonly List<T> _rules = new();
    private readonly object _gate = new();

    public T Add(T rule)
    {
        lock (_gate) _rules.Add(rule);
        return rule;
    }

    public IReadOnlyList<T> Pending
    {
        get { lock (_gate) return _rules.Where(r => r.Pending).ToArray(); }
    }

    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }

    public T? Take(Func<T, bool> matches)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(r => matches(r) && r.TryConsume());
            _rules.RemoveAll(r => !r.Pending);
            return rule;
        }
    }
}
