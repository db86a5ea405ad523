using MockSalesforce.Faults;
using MockSalesforce.Jwt;
using MockSalesforce.Logging;
using MockSalesforce.Metadata;
using MockSalesforce.Model;
using MockSalesforce.Scratch;

namespace MockSalesforce;

/// <summary>Everything the endpoints and middleware of one mock instance share.</summary>
internal sealed class MockState
{
    public MockState(MockOptions options)
    {
        Options = options;
        Directory = new MockDirectory();
        Sessions = new SessionStore(Clock, () => Options.SessionLifetime);
        Verifier = new AssertionVerifier(Directory, Clock, options);
        Requests = new RequestLog(options.MaxRecordedRequests);
        OrgFactory = new OrgFactory(this);
        ScratchOrgs = new ScratchOrgRegistry(Clock, options);
        Deploys = new DeployRegistry(Clock, options);
    }

    public MockOptions Options { get; }
    public MockClock Clock { get; } = new();
    public MockDirectory Directory { get; }
    public SessionStore Sessions { get; }
    public AssertionVerifier Verifier { get; }
    public FaultQueue Faults { get; } = new();
    public RequestLog Requests { get; }
    public OrgFactory OrgFactory { get; }
    public ScratchOrgRegistry ScratchOrgs { get; }
    public DeployRegistry Deploys { get; }

    /// <summary>"http://127.0.0.1:PORT", known once Kestrel has bound.</summary>
    public string BaseUrl { get; set; } = "";

    public void Reset()
    {
        Directory.Clear();
        Sessions.Clear();
        Faults.Clear();
        Requests.Clear();
        ScratchOrgs.Clear();
        Deploys.Clear();
        Clock.Reset();
    }

    /// <summary>Completed when POST /__mock/shutdown asks the process to stop.</summary>
    public TaskCompletionSource ShutdownRequested { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
