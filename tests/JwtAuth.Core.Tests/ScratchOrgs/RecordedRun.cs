using System.Collections.Concurrent;
using JwtAuth.Core.ScratchOrgs;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>What one scratch org run reported through its events.</summary>
internal sealed class RecordedRun
{
    public RecordedRun()
    {
        Events = new ScratchOrgEvents
        {
            OnResult = o => Outcomes.Enqueue(o),
            OnProgress = p => Progress.Enqueue(p),
            OnError = e => Errors.Enqueue(e),
            OnVerbose = m => Verbose.Enqueue(m),
            OnWarning = m => Warnings.Enqueue(m),
        };
    }

    public ScratchOrgEvents Events { get; }
    public ScratchOrgRun Run { get; set; } = null!;
    public ConcurrentQueue<ScratchOrgOutcome> Outcomes { get; } = new();
    public ConcurrentQueue<ScratchOrgProgress> Progress { get; } = new();
    public ConcurrentQueue<Exception> Errors { get; } = new();
    public ConcurrentQueue<string> Verbose { get; } = new();
    public ConcurrentQueue<string> Warnings { get; } = new();

    public IReadOnlyList<ScratchOrgOutcome> Succeeded => Outcomes.Where(o => o.Error is null).ToList();
    public IReadOnlyList<ScratchOrgOutcome> Failed => Outcomes.Where(o => o.Error != null).ToList();
}
