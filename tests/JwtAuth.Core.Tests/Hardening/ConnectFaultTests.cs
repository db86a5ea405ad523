using JwtAuth.Core.Errors;
using JwtAuth.Core.Http;
using JwtAuth.Core.Login;
using JwtAuth.Core.Service;
using JwtAuth.Core.Tests.Login;
using MockSalesforce.Faults;
using MockSalesforce.Testing;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// Network faults on a reconnect, through OrgAuthService with a temp store: connect OK, then reconnect into the
/// fault. Bounded retries end in a clear error, nothing is stored, and the earlier auth (files byte for byte,
/// token included) is left as it was. Transient faults that clear up end in a successful retry.
/// </summary>
public class ConnectFaultTests
{
    private const string TokenPath = "/services/oauth2/token";

    public static TheoryData<string> Faults => new()
    {
        "server-down", "connection-reset", "slower-than-timeout", "503-always", "429-always", "html-outage-page",
        "truncated-json", "huge-body", "name-does-not-resolve", "key-does-not-match-certificate", "key-file-damaged",
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failed_reconnect_leaves_the_stored_auth_byte_identical(string fault)
    {
        await using var s = await HardenedLogin.StartAsync(fault == "slower-than-timeout" ? TimeSpan.FromSeconds(3) : null);
        var first = await s.ConnectOneAsync(s.HubRequest());
        Assert.Null(first.Error);
        var token = first.View!.Auth.AccessToken!;
        var before = s.Files();
        Assert.Contains(before.Keys, k => k.Contains("orgs", StringComparison.Ordinal));
        s.Server.ClearRequests();

        var (request, expected, tokenRequests) = Arrange(s, fault);
        var result = await s.ConnectOneAsync(request);

        Assert.Null(result.View);
        var error = Assert.IsAssignableFrom<JwtAuthException>(result.Error);
        Assert.True(expected == error.ErrorId, $"{fault}: expected {expected}, got {error.ErrorId}: {error.Message}");
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
        Assert.Equal(tokenRequests, s.Server.TokenRequests.Count);
        if (error is TokenEndpointException endpoint && tokenRequests > 1) Assert.Equal(tokenRequests, endpoint.Attempts);

        var after = s.Files();
        Assert.Equal(before.Keys.OrderBy(k => k), after.Keys.OrderBy(k => k));
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{fault}: {path} changed");
        Assert.Equal(token, s.StoredHub()!.Auth.AccessToken);
        Assert.Empty(s.Process.ReadAll().Auths);

        var secrets = HardeningAssert.SecretsOf(KeyBody(s), token);
        HardeningAssert.NoSecrets(error, secrets);
        foreach (var message in s.Verbose.Concat(s.Warnings)) HardeningAssert.NoSecrets(message, secrets, "verbose");
    }

    [Fact]
    public async Task A_503_twice_then_success_is_retried_and_stores_the_new_token()
    {
        await using var s = await HardenedLogin.StartAsync();
        var first = await s.ConnectOneAsync(s.HubRequest());
        s.Server.ClearRequests();
        s.Server.Faults.Enqueue(Fault.Status(503, count: 2, path: TokenPath));

        var second = await s.ConnectOneAsync(s.HubRequest());

        Assert.Null(second.Error);
        Assert.Equal(3, s.Server.TokenRequests.Count);
        Assert.Equal(2, s.Delays.Waits.Count);
        Assert.NotEqual(first.View!.Auth.AccessToken, second.View!.Auth.AccessToken);
        Assert.Equal(second.View.Auth.AccessToken, s.StoredHub()!.Auth.AccessToken);
        Assert.Contains(s.Verbose, m => m.Contains("Retry 1 of 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_with_Retry_After_waits_that_long_then_succeeds()
    {
        await using var s = await HardenedLogin.StartAsync();
        s.Server.Faults.Enqueue(Fault.TooManyRequests(retryAfterSeconds: 7, count: 1, path: TokenPath));

        var result = await s.ConnectOneAsync(s.HubRequest());

        Assert.Null(result.Error);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, s.Delays.Waits);
        Assert.Equal(2, s.Server.TokenRequests.Count);
        Assert.Equal(result.View!.Auth.AccessToken, s.StoredHub()!.Auth.AccessToken);
    }

    [Fact]
    public async Task A_connection_reset_once_then_success_is_retried()
    {
        await using var s = await HardenedLogin.StartAsync();
        s.Server.Faults.Enqueue(Fault.DropConnection(count: 1, path: TokenPath));

        var result = await s.ConnectOneAsync(s.HubRequest());

        Assert.Null(result.Error);
        Assert.Equal(2, s.Server.TokenRequests.Count);
        Assert.Single(s.Delays.Waits);
    }

    [Fact]
    public async Task A_first_connect_that_fails_stores_nothing_at_all()
    {
        await using var s = await HardenedLogin.StartAsync();
        s.Server.Faults.Enqueue(Fault.Status(503, count: null, path: TokenPath));

        var result = await s.ConnectOneAsync(s.HubRequest());

        Assert.Equal("TokenEndpointUnavailable", Assert.IsAssignableFrom<JwtAuthException>(result.Error).ErrorId);
        Assert.Null(s.StoredHub());
        Assert.DoesNotContain(s.Files().Keys, k => k.Contains("orgs", StringComparison.Ordinal) && k.EndsWith(".json", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(s.SfCliHome, ".sfdx")) && Directory.GetFiles(Path.Combine(s.SfCliHome, ".sfdx")).Length > 0);
    }

    private static (ConnectRequest Request, string Expected, int TokenRequests) Arrange(ServiceFixture s, string fault)
    {
        var request = s.HubRequest();
        switch (fault)
        {
            case "server-down":
                request.LoginUrl = $"http://127.0.0.1:{TransportTests.UnusedPort()}";
                return (request, "ConnectionRefused", 0);
            case "connection-reset":
                s.Server.Faults.Enqueue(Fault.DropConnection(count: null, path: TokenPath));
                return (request, "ConnectionLost", 3);
            case "slower-than-timeout":
                s.Server.Faults.Enqueue(Fault.Delay(60_000, count: null, path: TokenPath));
                return (request, "RequestTimedOut", 1);
            case "503-always":
                s.Server.Faults.Enqueue(Fault.Status(503, count: null, path: TokenPath));
                return (request, "TokenEndpointUnavailable", 3);
            case "429-always":
                s.Server.Faults.Enqueue(Fault.TooManyRequests(retryAfterSeconds: 2, count: null, path: TokenPath));
                return (request, "TokenEndpointThrottled", 3);
            case "html-outage-page":
                s.Server.Faults.Enqueue(Fault.Html(502, count: null, path: TokenPath));
                return (request, "TokenEndpointUnavailable", 3);
            case "truncated-json":
                s.Server.Faults.Enqueue(Fault.TruncatedJson(count: null, path: TokenPath));
                return (request, "ResponseInvalidJson", 1);
            case "huge-body":
                s.Server.Faults.Enqueue(Fault.HugeBody(16L * 1024 * 1024, count: null, path: TokenPath));
                return (request, "ResponseTooLarge", 1);
            case "name-does-not-resolve":
                // .invalid never resolves (RFC 6761): the lookup fails locally and nothing is sent anywhere.
                request.LoginUrl = "https://nonexistent.invalid";
                return (request, "HostNotFound", 0);
            case "key-does-not-match-certificate":
                using (var other = TestKeyPair.Create())
                {
                    var path = s.Folder.File("other.key");
                    File.WriteAllText(path, other.PrivateKeyPem);
                    request.Key = KeySource.FromFile(path, null);
                }
                return (request, "InvalidAssertion", 1);
            case "key-file-damaged":
                var damaged = s.Folder.File("damaged.key");
                File.WriteAllText(damaged, File.ReadAllText(s.KeyFile)[..400]);
                request.Key = KeySource.FromFile(damaged, null);
                return (request, "KeyUnreadable", 0);
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }

    private static string KeyBody(ServiceFixture s) =>
        string.Concat(File.ReadAllLines(s.KeyFile).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
}
