using System.Collections.Concurrent;
using JwtAuth.Core.Login;
using JwtAuth.Core.OrgApi;
using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Core.Service;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;
using JwtAuth.Core.Tests.Keys;
using MockSalesforce;
using MockSalesforce.Model;
using MockSalesforce.Testing;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>
/// A mock Dev Hub whose connected app trusts a key file, the hub user, stores and a CLI home of their own, and the scratch org
/// service over one login client. Every wait the client or the service makes is recorded and moves the mock's clock by as
/// much instead of sleeping, so provisioning, replication and deploys run on mock time and the waits are exact.
/// </summary>
internal sealed class ScratchHarness : IAsyncDisposable
{
    public const string ClientId = "3MVG9scratchHarness";

    private ScratchHarness(MockSalesforceServer server, TestKeyPair keys)
    {
        Server = server;
        Keys = keys;
        App = server.AddConnectedApp(ClientId, keys.CertificatePem);
        Hub = server.AddOrg(OrgKind.DevHub, name: "Hub");
        HubUser = server.AddUser(Hub, "hub-admin@example.com", App);
        KeyFile = Folder.File("server.key");
        File.WriteAllText(KeyFile, keys.PrivateKeyPem);
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        SfCliHome = Folder.File("home");
        Client = new SalesforceLoginClient(new SalesforceLoginClientOptions
        {
            Delay = WaitAsync,
            // Assertions are signed on mock time too, or a long replication wait would make them look expired.
            TimeProvider = new MockTime(server.Clock),
        });
        Persisted = new OrgAuthStore(Folder.File("store"));
        Process = new ProcessOrgAuthStore();
        Auths = new OrgAuthService(Client, Persisted, Process, () => new SfCliPaths(SfCliHome));
        Scratch = new ScratchOrgService(Client, Persisted, Process, () => new SfCliPaths(SfCliHome), null,
            new DeployPolling(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));
    }

    public MockSalesforceServer Server { get; }
    public TestKeyPair Keys { get; }
    public ConnectedApp App { get; }
    public MockOrg Hub { get; }
    public MockUser HubUser { get; }
    public TempFolder Folder { get; } = new();
    public string KeyFile { get; }
    public string SfCliHome { get; }
    public SalesforceLoginClient Client { get; }
    public OrgAuthStore Persisted { get; }
    public ProcessOrgAuthStore Process { get; }
    public OrgAuthService Auths { get; }
    public ScratchOrgService Scratch { get; }

    /// <summary>Every wait, in the order they were made (any thread).</summary>
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    /// <summary>Runs before each wait moves the clock: a test can cancel, block or record more here.</summary>
    public Func<TimeSpan, CancellationToken, Task> BeforeWait { get; set; } = (_, _) => Task.CompletedTask;

    public static async Task<ScratchHarness> StartAsync(TimeSpan? provisioning = null, TimeSpan? replication = null)
    {
        var server = await MockSalesforceServer.StartAsync(new MockOptions
        {
            ScratchOrgProvisioningTime = provisioning ?? TimeSpan.FromSeconds(20),
            ReplicationDelay = replication ?? TimeSpan.Zero,
        });
        return new ScratchHarness(server, TestKeyPair.Create());
    }

    /// <summary>Connects the Dev Hub as HubOrg and the default Dev Hub (a key file unless another source is given).</summary>
    public async Task<ConnectResult> ConnectHubAsync(KeySource? key = null, bool processScope = false, string alias = "HubOrg", string? username = null)
    {
        var results = new List<ConnectResult>();
        await Auths.ConnectAsync(new[]
        {
            new ConnectRequest
            {
                ClientId = ClientId, Username = username ?? HubUser.Username, LoginUrl = Server.BaseUrl, Alias = alias, SetDefaultDevHub = true,
                Key = key ?? KeySource.FromFile(KeyFile, null), ProcessScope = processScope,
            },
        }, 1, results.Add, _ => { }, _ => { }, CancellationToken.None);
        var result = Assert.Single(results);
        Assert.Null(result.Error);
        return result;
    }

    /// <summary>Creates scratch orgs and collects everything the run reported.</summary>
    public async Task<Recorded> CreateAsync(ScratchOrgRequest request, CancellationToken cancellationToken = default)
    {
        var recorded = new Recorded();
        var plan = Scratch.Prepare(request);
        recorded.Run = await Scratch.CreateAsync(plan, recorded.Events, cancellationToken);
        return recorded;
    }

    /// <summary>The ScratchOrgInfo inserts the mock received.</summary>
    public IReadOnlyList<MockSalesforce.Logging.RecordedRequest> Inserts() =>
        Server.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/sobjects/ScratchOrgInfo", StringComparison.Ordinal)).ToList();

    /// <summary>The ScratchOrgInfo status reads (queries) the mock received.</summary>
    public IReadOnlyList<MockSalesforce.Logging.RecordedRequest> StatusReads() =>
        Server.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/query", StringComparison.Ordinal)
            && Uri.UnescapeDataString(r.Query).Contains("FROM ScratchOrgInfo WHERE Id IN", StringComparison.Ordinal)).ToList();

    private async Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Waits.Enqueue(wait);
        await BeforeWait(wait, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        Server.Clock.Advance(wait);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Keys.Dispose();
        await Server.DisposeAsync();
        Folder.Dispose();
    }

    private sealed class MockTime : TimeProvider
    {
        private readonly MockClock _clock;

        public MockTime(MockClock clock) => _clock = clock;

        public override DateTimeOffset GetUtcNow() => _clock.UtcNow;
    }

    /// <summary>What one run reported through its events.</summary>
    internal sealed class Recorded
    {
        public Recorded()
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
}
