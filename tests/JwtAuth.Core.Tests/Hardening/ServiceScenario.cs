using System.Net;
using JwtAuth.Core.Login;
using JwtAuth.Core.Service;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;
using JwtAuth.Core.Tests.Login;
using MockSalesforce;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// OrgAuthService as the cmdlets use it, over a running mock, with a temp store folder, a temp CLI home and a
/// key file on disk; waits between retries are recorded, not slept. No proxy, so nothing leaves loopback
/// except a DNS lookup. Dispose stops the mock and deletes the folders.
/// </summary>
internal sealed class ServiceScenario : IAsyncDisposable
{
    private readonly List<string> _verbose = new();

    private ServiceScenario(MockScenario mock, string root, TimeSpan requestTimeout)
    {
        Mock = mock;
        Root = root;
        StorePath = Path.Combine(root, "store");
        Home = Path.Combine(root, "home");
        Directory.CreateDirectory(Home);
        KeyFile = Path.Combine(root, "server.key");
        File.WriteAllText(KeyFile, mock.Keys.PrivateKeyPem);
        Client = mock.Client(o =>
        {
            o.MaxTransportRetries = 2;
            o.RequestTimeout = requestTimeout;
            o.Proxy = new WebProxy();
        });
        Process = new ProcessOrgAuthStore();
        Service = new OrgAuthService(Client, new OrgAuthStore(StorePath), Process, () => new SfCliPaths(Home));
        User = mock.AddUser(OrgKind.DevHub);
    }

    public MockScenario Mock { get; }
    public MockSalesforceServer Server => Mock.Server;
    public string Root { get; }
    public string StorePath { get; }
    public string Home { get; }
    public string KeyFile { get; }
    public SalesforceLoginClient Client { get; }
    public ProcessOrgAuthStore Process { get; }
    public OrgAuthService Service { get; }
    public MockUser User { get; }

    public IReadOnlyList<string> Verbose
    {
        get { lock (_verbose) return _verbose.ToArray(); }
    }

    public static async Task<ServiceScenario> StartAsync(TimeSpan? requestTimeout = null)
    {
        var mock = await MockScenario.StartAsync();
        var root = Path.Combine(Path.GetTempPath(), "jwtauth-hardening-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        return new ServiceScenario(mock, root, requestTimeout ?? TimeSpan.FromSeconds(20));
    }

    public ConnectRequest Request(KeySource? key = null, string? loginUrl = null) => new()
    {
        ClientId = MockScenario.ClientId,
        Username = User.Username,
        LoginUrl = loginUrl ?? Server.BaseUrl,
        Key = key ?? KeySource.FromFile(KeyFile, null),
        Alias = "hub",
        SetDefaultDevHub = true,
    };

    /// <summary>Connects through the service and returns the one result; verbose messages are kept.</summary>
    public async Task<ConnectResult> ConnectAsync(ConnectRequest request)
    {
        var results = new List<ConnectResult>();
        await Service.ConnectAsync(new[] { request }, 1, r => { lock (results) results.Add(r); }, Record, Record, CancellationToken.None);
        return Assert.Single(results);
    }

    public void Record(string message)
    {
        lock (_verbose) _verbose.Add(message);
    }

    /// <summary>Every file under the store folder and the CLI home, relative path -> bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Files() =>
        new[] { StorePath, Home }.Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories))
            .ToDictionary(f => Path.GetRelativePath(Root, f), File.ReadAllBytes);

    public StoredOrgAuth? Stored() => new OrgAuthStore(StorePath).Find(User.Username);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Mock.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
