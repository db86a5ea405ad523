using JwtAuth.Core.Login;
using JwtAuth.Core.Service;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;
using JwtAuth.Core.Tests.Keys;
using MockSalesforce;
using MockSalesforce.Model;
using MockSalesforce.Testing;

namespace JwtAuth.Core.Tests.Service;

/// <summary>
/// The service as the cmdlets use it, against the mock over real HTTP: a store, a process store and a
/// Salesforce CLI home of its own in a temp folder, and a key file the mock's connected app trusts.
/// </summary>
internal sealed class ServiceHarness : IAsyncDisposable
{
    public const string ClientId = "3MVG9serviceTests";

    private ServiceHarness(MockSalesforceServer server, TempFolder folder, TestKeyPair keys, ConnectedApp app)
    {
        Server = server;
        Folder = folder;
        Keys = keys;
        App = app;
        KeyFile = folder.File("server.key");
        File.WriteAllText(KeyFile, keys.PrivateKeyPem);
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        StoreDirectory = folder.File("store");
        SfCliHome = folder.File("home");
        Client = new SalesforceLoginClient(new SalesforceLoginClientOptions { Delay = (_, _) => Task.CompletedTask });
        Persisted = new OrgAuthStore(StoreDirectory);
        Process = new ProcessOrgAuthStore();
        Service = new OrgAuthService(Client, Persisted, Process, () => new SfCliPaths(SfCliHome));
    }

    public MockSalesforceServer Server { get; }
    public TempFolder Folder { get; }
    public TestKeyPair Keys { get; }
    public ConnectedApp App { get; }
    public string KeyFile { get; }
    public string StoreDirectory { get; }
    public string SfCliHome { get; }
    public SalesforceLoginClient Client { get; }
    public OrgAuthStore Persisted { get; }
    public ProcessOrgAuthStore Process { get; }
    public OrgAuthService Service { get; }
    public List<string> Verbose { get; } = new();
    public List<string> Warnings { get; } = new();

    public static async Task<ServiceHarness> StartAsync()
    {
        var server = await MockSalesforceServer.StartAsync();
        var keys = TestKeyPair.Create();
        var app = server.AddConnectedApp(ClientId, keys.CertificatePem);
        return new ServiceHarness(server, new TempFolder(), keys, app);
    }

    public string AddUser(OrgKind kind, TimeSpan? replicatesAfter = null)
    {
        var org = Server.AddOrg(kind);
        var username = $"{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + "@example.com";
        if (kind == OrgKind.Scratch) Server.AddScratchUser(org, username, App, replicatesAfter);
        else Server.AddUser(org, username, App);
        return username;
    }

    public ConnectRequest Request(string username, KeySource? key = null, string? alias = null) => new()
    {
        ClientId = ClientId,
        Username = username,
        LoginUrl = Server.BaseUrl,
        Audience = username.StartsWith("scratch", StringComparison.Ordinal) || username.StartsWith("sandbox", StringComparison.Ordinal)
            ? "https://test.salesforce.com" : null,
        Alias = alias,
        Key = key ?? KeySource.FromFile(KeyFile, null),
    };

    public async Task<IReadOnlyList<ConnectResult>> ConnectAsync(params ConnectRequest[] requests) => await ConnectAsync(requests, 8);

    public async Task<IReadOnlyList<ConnectResult>> ConnectAsync(IReadOnlyList<ConnectRequest> requests, int throttle)
    {
        var results = new List<ConnectResult>();
        await Service.ConnectAsync(requests, throttle, r => { lock (results) results.Add(r); }, m => { lock (Verbose) Verbose.Add(m); },
            w => { lock (Warnings) Warnings.Add(w); }, CancellationToken.None);
        return results;
    }

    /// <summary>Every file under the store and the CLI home, with its bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Files() =>
        new[] { StoreDirectory, SfCliHome }.Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories))
            .ToDictionary(f => f, File.ReadAllBytes);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Keys.Dispose();
        await Server.DisposeAsync();
        Folder.Dispose();
    }
}
