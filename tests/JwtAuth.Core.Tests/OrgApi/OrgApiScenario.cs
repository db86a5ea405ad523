using JwtAuth.Core.Login;
using JwtAuth.Core.OrgApi;
using JwtAuth.Core.Tests.Login;

namespace JwtAuth.Core.Tests.OrgApi;

/// <summary>
/// An <see cref="OrgApiClient"/> against a loopback server that gives canned answers shaped like Salesforce's documented
/// ones, for resources the mock does not serve. Waits between deploy polls are recorded, not slept.
/// </summary>
internal sealed class OrgApiScenario : IAsyncDisposable
{
    public const string Token = "00Dxx0000001gPL!AQ4AQFwOrgApiSecretToken";
    public const string Version = "62.0";
    public const string Data = "/services/data/v" + Version;

    private OrgApiScenario(Func<ReceivedRequest, string> answer)
    {
        Server = LoopbackHttpServer.Routed(answer);
        Login = new SalesforceLoginClient(new SalesforceLoginClientOptions { Delay = Delays.DelayAsync, RequestTimeout = TimeSpan.FromSeconds(20) });
        Api = Login.OrgApiFor(Server.BaseUrl, Version, Token);
    }

    public LoopbackHttpServer Server { get; }
    public RecordingDelay Delays { get; } = new();
    public SalesforceLoginClient Login { get; }
    public OrgApiClient Api { get; }

    /// <summary>Every request the server read, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => Server.Received;

    public static OrgApiScenario Start(Func<ReceivedRequest, string> answer) => new(answer);

    /// <summary>Answers the requests in turn with <paramref name="answers"/>; the last one repeats.</summary>
    public static OrgApiScenario Sequence(params string[] answers) => new(r => answers[Math.Min(r.Number, answers.Length) - 1]);

    public async ValueTask DisposeAsync()
    {
        Login.Dispose();
        await Server.DisposeAsync();
    }
}
