using JwtAuth.Core.Login;
using JwtAuth.Core.OrgApi;
using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Core.Service;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;
using JwtAuth.Core.Tests.ScratchOrgs;
using MockSalesforce;
using MockSalesforce.Logging;

namespace JwtAuth.Core.Tests.Fixtures;

/// <summary>
/// The services as the cmdlets use them, over one real login client against the <see cref="MockFixture"/>: a store
/// (the JWTAUTH_HOME a user would have), a process store and a Salesforce CLI home of their own in the fixture's temp
/// folder, the org auth service and the scratch org service. Every wait the client or a service makes is recorded and
/// moves the mock's clock by as much instead of sleeping, so replication, provisioning and deploys run on mock time.
/// </summary>
internal sealed class ServiceFixture : MockFixture
{
    private readonly List<string> _verbose = new();
    private readonly List<string> _warnings = new();

    private ServiceFixture(MockSalesforceServer server, Action<SalesforceLoginClientOptions>? configureClient) : base(server)
    {
        StoreDirectory = Folder.File("store");
        SfCliHome = Folder.File("home");
        Delays.OnWait = Server.Clock.Advance;
        LoginClient = Client(configureClient);
        Persisted = new OrgAuthStore(StoreDirectory);
        Process = new ProcessOrgAuthStore();
        Service = new OrgAuthService(LoginClient, Persisted, Process, CliPaths);
        Scratch = new ScratchOrgService(LoginClient, Persisted, Process, CliPaths, null,
            new DeployPolling(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));
    }

    public string StoreDirectory { get; }
    public string SfCliHome { get; }
    public SalesforceLoginClient LoginClient { get; }
    public OrgAuthStore Persisted { get; }
    public ProcessOrgAuthStore Process { get; }
    public OrgAuthService Service { get; }
    public ScratchOrgService Scratch { get; }

    public IReadOnlyList<string> Verbose
    {
        get { lock (_verbose) return _verbose.ToArray(); }
    }

    public IReadOnlyList<string> Warnings
    {
        get { lock (_warnings) return _warnings.ToArray(); }
    }

    /// <summary>Starts the mock (with <paramref name="options"/>) and the services over a client <paramref name="client"/> may configure further.</summary>
    public static async Task<ServiceFixture> StartAsync(MockOptions? options = null, Action<SalesforceLoginClientOptions>? client = null) =>
        new(await MockSalesforceServer.StartAsync(options), client);

    public SfCliPaths CliPaths() => new(SfCliHome);

    public void RecordVerbose(string message)
    {
        lock (_verbose) _verbose.Add(message);
    }

    public void RecordWarning(string message)
    {
        lock (_warnings) _warnings.Add(message);
    }

    /// <summary>A connect request for <paramref name="username"/> with the fixture's key file unless another key is given.</summary>
    public ConnectRequest ConnectRequest(string username, KeySource? key = null, string? alias = null) => new()
    {
        ClientId = ClientId,
        Username = username,
        LoginUrl = Server.BaseUrl,
        Audience = Server.Directory.FindUser(username)?.Org.IsSandbox == true ? MockSalesforce.Model.Audiences.Sandbox : null,
        Alias = alias,
        Key = key ?? KeySource.FromFile(KeyFile, null),
    };

    /// <summary>The Dev Hub user's connect request, as HubOrg and the default Dev Hub.</summary>
    public ConnectRequest HubRequest(KeySource? key = null, string? loginUrl = null, string alias = "HubOrg", bool processScope = false,
        string? username = null)
    {
        var request = ConnectRequest(username ?? HubUser.Username, key, alias);
        request.LoginUrl = loginUrl ?? Server.BaseUrl;
        request.SetDefaultDevHub = true;
        request.ProcessScope = processScope;
        return request;
    }

    public async Task<IReadOnlyList<ConnectResult>> ConnectAsync(params ConnectRequest[] requests) => await ConnectAsync(requests, 8);

    /// <summary>Connects through the service; its verbose messages and warnings are kept.</summary>
    public async Task<IReadOnlyList<ConnectResult>> ConnectAsync(IReadOnlyList<ConnectRequest> requests, int throttle)
    {
        var results = new List<ConnectResult>();
        await Service.ConnectAsync(requests, throttle, r => { lock (results) results.Add(r); }, RecordVerbose, RecordWarning, CancellationToken.None);
        return results;
    }

    public async Task<ConnectResult> ConnectOneAsync(ConnectRequest request) => Assert.Single(await ConnectAsync(new[] { request }, 1));

    /// <summary>Connects the Dev Hub (see <see cref="HubRequest"/>) and asserts that it worked.</summary>
    public async Task<ConnectResult> ConnectHubAsync(KeySource? key = null, bool processScope = false, string alias = "HubOrg", string? username = null)
    {
        var result = await ConnectOneAsync(HubRequest(key, alias: alias, processScope: processScope, username: username));
        Assert.Null(result.Error);
        return result;
    }

    /// <summary>The Dev Hub user's stored auth, if any.</summary>
    public StoredOrgAuth? StoredHub() => new OrgAuthStore(StoreDirectory).Find(HubUser.Username);

    /// <summary>Every file under the store and the CLI home, path inside the fixture's folder -> bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Files() =>
        new[] { StoreDirectory, SfCliHome }.Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories))
            .ToDictionary(f => Path.GetRelativePath(Folder.Path, f), File.ReadAllBytes);

    /// <summary>Creates scratch orgs and collects everything the run reported.</summary>
    public async Task<RecordedRun> CreateAsync(ScratchOrgRequest request, CancellationToken cancellationToken = default)
    {
        var recorded = new RecordedRun();
        var plan = Scratch.Prepare(request);
        recorded.Run = await Scratch.CreateAsync(plan, recorded.Events, cancellationToken);
        return recorded;
    }

    /// <summary>The ScratchOrgInfo inserts the mock received.</summary>
    public IReadOnlyList<RecordedRequest> Inserts() =>
        Server.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/sobjects/ScratchOrgInfo", StringComparison.Ordinal)).ToList();

    /// <summary>The ScratchOrgInfo status reads (queries) the mock received.</summary>
    public IReadOnlyList<RecordedRequest> StatusReads() =>
        Server.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/query", StringComparison.Ordinal)
            && Uri.UnescapeDataString(r.Query).Contains("FROM ScratchOrgInfo WHERE Id IN", StringComparison.Ordinal)).ToList();

    public override async ValueTask DisposeAsync()
    {
        LoginClient.Dispose();
        await base.DisposeAsync();
    }
}
