using System.Net.Http.Headers;
using System.Text.Json;
using JwtAuth.Core.Login;
using JwtAuth.Core.Model;
using JwtAuth.Core.Tests.Keys;
using JwtAuth.Core.Tests.Mock;
using MockSalesforce;
using MockSalesforce.Model;
using MockSalesforce.Testing;

namespace JwtAuth.Core.Tests.Fixtures;

/// <summary>
/// A mock Salesforce running on loopback with one connected app that trusts a test key pair (the key is also written to a
/// key file in a temp folder), a Dev Hub and a sandbox with one pre-authorized user each, and helpers to add orgs and users
/// and to call the mock over raw HTTP or through the login client. Dispose stops the mock and deletes the folder.
/// </summary>
internal class MockFixture : IAsyncDisposable
{
    public const string ClientId = "3MVG9mockConsumerKey";

    private readonly List<SalesforceLoginClient> _signInClients = new();

    // RSA key generation dominates a fixture's start-up on a 2-core machine; one key pair serves every test (none mutates it).
    private static readonly Lazy<TestKeyPair> SharedKeys = new(() => TestKeyPair.Create());

    protected MockFixture(MockSalesforceServer server)
    {
        Server = server;
        Keys = SharedKeys.Value;
        App = server.AddConnectedApp(ClientId, Keys.CertificatePem);
        HubOrg = server.AddOrg(OrgKind.DevHub, name: "Hub");
        HubUser = server.AddUser(HubOrg, "hub@example.com", App);
        SandboxOrg = server.AddOrg(OrgKind.Sandbox, name: "Sandbox");
        SandboxUser = server.AddUser(SandboxOrg, "admin@example.com.uat", App);
        KeyFile = Folder.File("server.key");
        File.WriteAllText(KeyFile, Keys.PrivateKeyPem);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        KeyReference = KeyReference.File(KeyFile);
        Http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public MockSalesforceServer Server { get; }
    public TestKeyPair Keys { get; }
    public ConnectedApp App { get; }
    public MockOrg HubOrg { get; }
    public MockUser HubUser { get; }
    public MockOrg SandboxOrg { get; }
    public MockUser SandboxUser { get; }
    public TempFolder Folder { get; } = new();

    /// <summary>The test private key as a PEM file only its owner can read.</summary>
    public string KeyFile { get; }
    public KeyReference KeyReference { get; }
    public HttpClient Http { get; }

    /// <summary>Every wait a client from <see cref="Client"/> makes, recorded instead of slept.</summary>
    public RecordingDelay Delays { get; } = new();

    public static async Task<MockFixture> StartAsync(MockOptions? options = null) =>
        new(await MockSalesforceServer.StartAsync(options));

    /// <summary>Adds an org of the kind with one user pre-authorized for the app (a scratch org's user replicates after <paramref name="replicatesAfter"/>).</summary>
    public MockUser AddUser(OrgKind kind, string? username = null, MockOrg? devHub = null, TimeSpan? replicatesAfter = null)
    {
        var org = Server.AddOrg(kind, devHub: devHub);
        username ??= $"{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + "@example.com";
        return kind == OrgKind.Scratch ? Server.AddScratchUser(org, username, App, replicatesAfter) : Server.AddUser(org, username, App);
    }

    public JwtLoginRequest LoginRequest(MockUser user, TimeSpan? retryTimeout = null) => new()
    {
        ClientId = ClientId,
        Username = user.Username,
        LoginUrl = Server.BaseUrl,
        // Loopback login URLs resolve to the production audience; sandbox-like orgs say so explicitly.
        Audience = user.Org.IsSandbox ? Audiences.Sandbox : null,
        RetryTimeout = retryTimeout,
    };

    /// <summary>A login client whose waits go to <see cref="Delays"/> and whose clock is the mock's.</summary>
    public SalesforceLoginClient Client(Action<SalesforceLoginClientOptions>? configure = null)
    {
        var options = new SalesforceLoginClientOptions
        {
            Delay = Delays.DelayAsync,
            // Assertions are signed on mock time, or advancing the mock for replication would make them look expired.
            TimeProvider = new MockClockTimeProvider(Server.Clock),
            RequestTimeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return new SalesforceLoginClient(options);
    }

    public Task<OrgAuth> LoginAsync(SalesforceLoginClient client, JwtLoginRequest request, IProgress<LoginProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        client.LoginAsync(request, Keys.Key, KeyReference, progress, cancellationToken);

    /// <summary>Adds an org of the kind and signs its user in through a login client the fixture disposes.</summary>
    public async Task<SignedInOrg> SignInAsync(OrgKind kind)
    {
        var client = Client();
        _signInClients.Add(client);
        var user = AddUser(kind);
        return new SignedInOrg(user, await LoginAsync(client, LoginRequest(user)), client);
    }

    public Task<HttpResponseMessage> PostTokenAsync(string assertion, string grantType = "urn:ietf:params:oauth:grant-type:jwt-bearer") =>
        Http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["assertion"] = assertion,
        }));

    public Task<HttpResponseMessage> PostTokenAsync(object claims) => PostTokenAsync(HandMadeAssertion.Sign(Keys.Key, claims));

    /// <summary>Logs the Dev Hub user in with a hand-made assertion and returns the parsed token response.</summary>
    public async Task<JsonElement> LoginHubAsync()
    {
        using var response = await PostTokenAsync(HandMadeAssertion.Claims(ClientId, HubUser.Username, Audiences.Production));
        Assert.Equal(200, (int)response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await Http.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var client in _signInClients) client.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
        Folder.Dispose();
    }
}
