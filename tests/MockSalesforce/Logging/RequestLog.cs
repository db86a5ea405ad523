namespace MockSalesforce.Logging;

/// <summary>The latest requests to the Salesforce-facing endpoints, in arrival order (the control API is not logged).</summary>
public sealed class RequestLog
{
    private readonly Queue<RecordedRequest> _requests = new();
    private readonly object _gate = new();
    private readonly int _capacity;

    internal RequestLog(int capacity) => _capacity = capacity;

    /// <summary>A snapshot of the requests so far.</summary>
    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate) return _requests.ToArray();
    }

    /// <summary>Forgets every recorded request.</summary>
    public void Clear()
    {
        lock (_gate) _requests.Clear();
    }

    internal void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Enqueue(request);
            while (_requests.Count > _capacity) _requests.Dequeue();
        }
    }
}
