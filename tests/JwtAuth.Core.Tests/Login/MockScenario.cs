using System.Collections.Concurrent;
using JwtAuth.Core.Login;
using JwtAuth.Core.Model;
using MockSalesforce;
using MockSalesforce.Model;
using MockSalesforce.Testing;

namespace JwtAuth.Core.Tests.Login;

/// <summary>
/// A running mock Salesforce with one connected app (key + self-signed certificate), plus helpers to add orgs
/// and build clients and requests that point at it. Dispose stops the server.
/// </summary>
internal sealed class MockScenario : IAsyncDisposable
{
    public const string ClientId = "3MVG9mockConsumerKey.for.JwtAuth.tests";

    // RSA key generation dominates a scenario's start-up; one key pair serves every test (none mutates it).
    private static readonly Lazy<TestKeyPair> SharedKeys = new(() => TestKeyPair.Create());

    private MockScenario(MockSalesforceServer server, TestKeyPair keys, ConnectedApp app)
    {
        Server = server;
        Keys = keys;
        App = app;
    }

    public MockSalesforceServer Server { get; }
    public TestKeyPair Keys { get; }
    public ConnectedApp App { get; }
    public KeyReference KeyReference { get; } = KeyReference.File("/keys/jwt-test.key");
    public RecordingDelay Delays { get; } = new();

    public static async Task<MockScenario> StartAsync(MockOptions? options = null)
    {
        var server = await MockSalesforceServer.StartAsync(options);
        var keys = SharedKeys.Value;
        var app = server.AddConnectedApp(ClientId, keys.CertificatePem);
        return new MockScenario(server, keys, app);
    }

    /// <summary>Adds an org of the kind with one pre-authorized user.</summary>
    public MockUser AddUser(OrgKind kind, string? username = null, MockOrg? devHub = null)
    {
        var org = Server.AddOrg(kind, devHub: devHub);
        return Server.AddUser(org, username ?? $"{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.com", App);
    }

    public JwtLoginRequest Request(MockUser user, TimeSpan? retryTimeout = null) => new()
    {
        ClientId = ClientId,
        Username = user.Username,
        LoginUrl = Server.BaseUrl,
        // Loopback login URLs resolve to the production audience; sandbox-like orgs say so explicitly.
        Audience = user.Org.IsSandbox ? "https://test.salesforce.com" : null,
        RetryTimeout = retryTimeout,
    };

    /// <summary>A client whose waits are recorded instead of slept and whose clock is the mock's.</summary>
    public SalesforceLoginClient Client(Action<SalesforceLoginClientOptions>? configure = null)
    {
        var options = new SalesforceLoginClientOptions
        {
            Delay = Delays.DelayAsync,
            TimeProvider = new MockClockTimeProvider(Server.Clock),
            RequestTimeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return new SalesforceLoginClient(options);
    }

    public Task<OrgAuth> LoginAsync(SalesforceLoginClient client, JwtLoginRequest request, IProgress<LoginProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        client.LoginAsync(request, Keys.Key, KeyReference, progress, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
    }
}

/// <summary>Records each requested wait and returns at once (honouring cancellation); optionally moves the mock clock.</summary>
internal sealed class RecordingDelay
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    public IReadOnlyList<TimeSpan> Waits => _waits.ToArray();

    /// <summary>Called after each recorded wait, e.g. to advance the mock's clock by it.</summary>
    public Action<TimeSpan>? OnWait { get; set; }

    public Task DelayAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _waits.Enqueue(wait);
        OnWait?.Invoke(wait);
        return Task.CompletedTask;
    }
}

/// <summary>The client's clock = the mock's clock, so advancing the mock for replication keeps exp consistent.</summary>
internal sealed class MockClockTimeProvider(MockClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.UtcNow;
}

/// <summary>IProgress that runs the handler synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}

internal sealed class ProgressLog : IProgress<LoginProgress>
{
    private readonly ConcurrentQueue<LoginProgress> _items = new();

    public IReadOnlyList<LoginProgress> Items => _items.ToArray();

    public void Report(LoginProgress value) => _items.Enqueue(value);
}

internal static class SecretAssert
{
    /// <summary>No JWT (every compact JWT starts with "eyJ") and none of the given tokens appear in the exception text.</summary>
    public static void NoSecrets(Exception ex, params string?[] secrets)
    {
        for (Exception? e = ex; e != null; e = e.InnerException)
        {
            NoSecrets(e.ToString(), secrets);
            NoSecrets(e.Message, secrets);
        }
    }

    public static void NoSecrets(string text, params string?[] secrets)
    {
        Assert.DoesNotContain("eyJ", text);
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            Assert.DoesNotContain(secret!, text);
        }
    }
}
