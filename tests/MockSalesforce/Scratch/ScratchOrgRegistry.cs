using System.Collections.Concurrent;
using MockSalesforce.Common;
using MockSalesforce.Model;

namespace MockSalesforce.Scratch;

/// <summary>
/// Every Dev Hub's ScratchOrgInfo records and the plans for coming inserts. Thread-safe: records are looked up
/// without locks, and an insert holds only its own hub's gate, and only while it counts and registers (never while
/// waiting), so 50 concurrent inserts against a limit admit exactly as many as the limit allows.
/// </summary>
public sealed class ScratchOrgRegistry
{
    private static readonly TimeSpan DailyWindow = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<string, ScratchOrgSignup> _signups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _hubGates = new(StringComparer.Ordinal);
    private readonly CountedRules<ScratchOrgPlan> _plans = new();
    private readonly MockClock _clock;
    private readonly MockOptions _options;

    internal ScratchOrgRegistry(MockClock clock, MockOptions options)
    {
        _clock = clock;
        _options = options;
    }

    /// <summary>All records, oldest first.</summary>
    public IReadOnlyList<ScratchOrgSignup> All =>
        _signups.Values.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray();

    /// <summary>The records of one Dev Hub, oldest first.</summary>
    public IReadOnlyList<ScratchOrgSignup> OfHub(MockOrg hub) => All.Where(s => s.Hub == hub).ToArray();

    /// <summary>The record with this 18- or 15-character ScratchOrgInfo id, or null.</summary>
    public ScratchOrgSignup? Find(string? id) =>
        id is not null && _signups.TryGetValue(id, out var signup) ? signup : _signups.Values.FirstOrDefault(s => SalesforceId.Names(s.Id, id));

    /// <summary>The record of the last insert with this SignupUsername (case-insensitive), or null.</summary>
    public ScratchOrgSignup? FindByUsername(string username) =>
        All.LastOrDefault(s => string.Equals(s.SignupUsername, username, StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds a plan for coming inserts and returns it.</summary>
    public ScratchOrgPlan Plan(ScratchOrgPlan plan) => _plans.Add(plan);

    /// <summary>Plans that still apply to some insert.</summary>
    public IReadOnlyList<ScratchOrgPlan> PendingPlans => _plans.Pending;

    /// <summary>Forgets every plan.</summary>
    public void ClearPlans() => _plans.Clear();

    /// <summary>The hub's limits and how much of them is in use now.</summary>
    public ScratchOrgUsage UsageOf(MockOrg hub) => UsageOf(hub, _clock.UtcNow);

    internal ScratchOrgUsage UsageOf(MockOrg hub, DateTimeOffset now)
    {
        var records = _signups.Values.Where(s => s.Hub == hub).ToArray();
        // Signups in progress hold an org already; failed ones still count against the day (forcedotcom/cli #202).
        int active = records.Count(s => s.StatusAt(now) is ScratchOrgStatus.New or ScratchOrgStatus.Creating or ScratchOrgStatus.Active);
        int daily = records.Count(s => s.CreatedAt > now - DailyWindow);
        return new ScratchOrgUsage(hub.ActiveScratchOrgLimit ?? _options.ActiveScratchOrgLimit, active,
            hub.DailyScratchOrgLimit ?? _options.DailyScratchOrgLimit, daily);
    }

    /// <summary>Serializes the inserts of one hub (count, then register) without touching other hubs.</summary>
    internal object GateOf(MockOrg hub) => _hubGates.GetOrAdd(hub.Id, _ => new object());

    internal ScratchOrgPlan? TakePlan(string? username) => _plans.Take(p => p.Matches(username));

    internal void Add(ScratchOrgSignup signup)
    {
        if (!_signups.TryAdd(signup.Id, signup)) throw new InvalidOperationException($"ScratchOrgInfo {signup.Id} exists already.");
    }

    internal void Clear()
    {
        _signups.Clear();
        ClearPlans();
    }
}
