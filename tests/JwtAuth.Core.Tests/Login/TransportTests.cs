using System.Net;
using System.Net.Sockets;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Http;
using JwtAuth.Core.Login;
using MockSalesforce.Faults;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Login;

public class TransportTests
{
    private const string TokenPath = "/services/oauth2/token";

    [Fact]
    public async Task A_503_then_success_is_retried_with_growing_backoff()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.Status(503, count: 2, path: TokenPath));
        using var client = sf.Client();
        var progress = new ProgressLog();

        var auth = await sf.LoginAsync(client, sf.LoginRequest(user), progress);

        Assert.Equal(user.Org.Id, auth.OrgId);
        Assert.Equal(new[] { 503, 503, 200 }, sf.Server.TokenRequests.Select(r => r.StatusCode));
        var waits = sf.Delays.Waits;
        Assert.Equal(2, waits.Count);
        Assert.InRange(waits[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.25));
        Assert.InRange(waits[1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5));
        Assert.Equal(2, progress.Items.Count(p => p.Stage == LoginStage.RetryingTransport));
        Assert.All(progress.Items.Where(p => p.Stage == LoginStage.RetryingTransport), p => Assert.NotNull(p.Wait));
    }

    [Fact]
    public async Task A_429_waits_what_Retry_After_says()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.TooManyRequests(retryAfterSeconds: 7, path: TokenPath));
        using var client = sf.Client();

        await sf.LoginAsync(client, sf.LoginRequest(user));

        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, sf.Delays.Waits);
        Assert.Equal(new[] { 429, 200 }, sf.Server.TokenRequests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Retry_After_beyond_the_cap_is_capped()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.TooManyRequests(retryAfterSeconds: 3600, path: TokenPath));
        using var client = sf.Client(o => o.MaxTransportWait = TimeSpan.FromSeconds(20));

        await sf.LoginAsync(client, sf.LoginRequest(user));

        Assert.Equal(new[] { TimeSpan.FromSeconds(20) }, sf.Delays.Waits);
    }

    [Fact]
    public async Task Retries_are_bounded_then_the_error_says_how_often_it_tried()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.Status(503, count: null, path: TokenPath));
        using var client = sf.Client(o => o.MaxTransportRetries = 3);

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("TokenEndpointUnavailable", ex.ErrorId);
        Assert.Equal(JwtAuthErrorKind.ResourceUnavailable, ex.Kind);
        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(4, ex.Attempts);
        Assert.Contains("Gave up after 4 attempts", ex.Message);
        Assert.Equal(4, sf.Server.TokenRequests.Count);
        Assert.Equal(3, sf.Delays.Waits.Count);
        SecretAssert.NoSecrets(ex);
    }

    [Fact]
    public async Task A_server_that_is_down_is_ConnectionRefused_naming_host_and_port()
    {
        var port = UnusedPort();
        using var client = new SalesforceLoginClient(new SalesforceLoginClientOptions { Delay = new RecordingDelay().DelayAsync, MaxTransportRetries = 2 });
        using var keys = MockSalesforce.Testing.TestKeyPair.Create();
        var request = new JwtLoginRequest { ClientId = "c", Username = "u@example.com", LoginUrl = $"http://127.0.0.1:{port}" };

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() =>
            client.LoginAsync(request, keys.Key, Model.KeyReference.None(), null, CancellationToken.None));

        Assert.Equal("ConnectionRefused", ex.ErrorId);
        Assert.Equal(JwtAuthErrorKind.ConnectionError, ex.Kind);
        Assert.Contains($"127.0.0.1:{port}", ex.Message);
        // Nothing listens there: one quick retry (issue 11), however many MaxTransportRetries allows.
        Assert.Equal(2, ex.Attempts);
        Assert.Null(ex.StatusCode);
        SecretAssert.NoSecrets(ex);
    }

    [Fact]
    public async Task A_refused_connection_gets_one_quick_retry_not_the_transport_backoff()
    {
        // A closed loopback port refuses at once; with the default options a 503 would be tried 4 times over 1 + 2 + 4 s.
        var port = UnusedPort();
        var delays = new RecordingDelay();
        var options = new SalesforceLoginClientOptions { Delay = delays.DelayAsync };
        using var client = new SalesforceLoginClient(options);
        using var keys = MockSalesforce.Testing.TestKeyPair.Create();
        var request = new JwtLoginRequest { ClientId = "c", Username = "u@example.com", LoginUrl = $"http://127.0.0.1:{port}" };
        var progress = new ProgressLog();

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() =>
            client.LoginAsync(request, keys.Key, Model.KeyReference.None(), progress, CancellationToken.None));

        Assert.Equal("ConnectionRefused", ex.ErrorId);
        Assert.Equal(2, ex.Attempts);
        Assert.Equal(2, progress.Items.Count(p => p.Stage == LoginStage.Requesting));
        var wait = Assert.Single(delays.Waits);
        Assert.True(wait < options.TransportBackoff, $"the retry waited {wait}, as long as a transport backoff");
        Assert.Contains("Gave up after 2 attempts", ex.Message);
    }

    [Fact]
    public async Task An_unresolvable_host_is_HostNotFound_and_not_retried()
    {
        var delays = new RecordingDelay();
        using var client = new SalesforceLoginClient(new SalesforceLoginClientOptions { Delay = delays.DelayAsync });
        using var keys = MockSalesforce.Testing.TestKeyPair.Create();
        var request = new JwtLoginRequest { ClientId = "c", Username = "u@example.com", LoginUrl = "https://no-such-host.invalid" };

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() =>
            client.LoginAsync(request, keys.Key, Model.KeyReference.None(), null, CancellationToken.None));

        Assert.Equal("HostNotFound", ex.ErrorId);
        Assert.Contains("no-such-host.invalid", ex.Message);
        Assert.Empty(delays.Waits);
    }

    [Fact]
    public async Task A_connection_dropped_mid_response_is_retried_and_then_succeeds()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.DropConnection(path: TokenPath));
        using var client = sf.Client();

        var auth = await sf.LoginAsync(client, sf.LoginRequest(user));

        Assert.Equal(user.Org.Id, auth.OrgId);
        Assert.Equal(2, sf.Server.TokenRequests.Count);
        Assert.Single(sf.Delays.Waits);
    }

    [Fact]
    public async Task A_connection_dropped_every_time_is_ConnectionLost()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.DropConnection(count: null, path: TokenPath));
        using var client = sf.Client(o => o.MaxTransportRetries = 1);

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("ConnectionLost", ex.ErrorId);
        Assert.Equal(2, ex.Attempts);
        SecretAssert.NoSecrets(ex);
    }

    [Fact]
    public async Task A_slow_server_is_a_timeout_naming_the_seconds()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.Delay(30_000, count: null, path: TokenPath));
        using var client = sf.Client(o => o.RequestTimeout = TimeSpan.FromMilliseconds(500));

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("RequestTimedOut", ex.ErrorId);
        Assert.Equal(JwtAuthErrorKind.OperationTimeout, ex.Kind);
        Assert.Contains("0.5 seconds", ex.Message);
        Assert.Contains("-TimeoutSec", ex.Fix);
        // The mock logs the abandoned request once it sees the client go, which under load can come after the exception.
        var logged = DateTime.UtcNow.AddSeconds(10);
        while (sf.Server.TokenRequests.Count == 0 && DateTime.UtcNow < logged) await Task.Delay(20);
        await Task.Delay(200); // and a retry, were there one, would have been sent by now
        Assert.Single(sf.Server.TokenRequests); // a timeout is not multiplied by retries
    }

    [Fact]
    public async Task The_request_timeout_travels_with_each_call_over_one_client()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        using var client = sf.Client(o => o.FetchOrgDetails = false); // its own bound: 20 s
        var hurried = sf.LoginRequest(user);
        hurried.RequestTimeout = TimeSpan.FromMilliseconds(500);
        sf.Server.Faults.Enqueue(Fault.Delay(3_000, count: 1, path: TokenPath));

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => sf.LoginAsync(client, hurried));

        Assert.Equal("RequestTimedOut", ex.ErrorId);
        Assert.Contains("0.5 seconds", ex.Message);

        // The same client, a call without its own bound: the half second did not stick to the client.
        sf.Server.Faults.Enqueue(Fault.Delay(1_500, count: 1, path: TokenPath));
        var auth = await sf.LoginAsync(client, sf.LoginRequest(user));
        Assert.Equal(user.Org.Id, auth.OrgId);
    }

    [Fact]
    public async Task Cancelling_a_request_in_flight_is_an_OperationCanceledException_not_a_timeout()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.Delay(60_000, path: TokenPath));
        using var client = sf.Client(o => o.RequestTimeout = TimeSpan.FromMinutes(5));
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress<LoginProgress>(p =>
        {
            if (p.Stage == LoginStage.Requesting) cts.CancelAfter(200);
        });

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sf.LoginAsync(client, sf.LoginRequest(user), progress, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(200)]
    public async Task An_html_page_is_a_clear_error_not_a_parser_crash(int status)
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.Html(status, count: null, path: TokenPath));
        using var client = sf.Client(o => o.MaxTransportRetries = 1);

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal(status, ex.StatusCode);
        Assert.StartsWith("text/html", ex.ContentType);
        Assert.Contains($"HTTP {status}", ex.Message);
        Assert.Contains("text/html", ex.Message);
        Assert.Contains("proxy", ex.Message);
        Assert.DoesNotContain("Maintenance", ex.Message); // the page itself is not dumped
        Assert.Equal(status >= 500 ? "TokenEndpointUnavailable" : "ResponseNotJson", ex.ErrorId);
    }

    [Fact]
    public async Task Truncated_json_is_ResponseInvalidJson_without_quoting_the_body()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.TruncatedJson(path: TokenPath));
        using var client = sf.Client();

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("ResponseInvalidJson", ex.ErrorId);
        Assert.DoesNotContain("!AQ", ex.ToString());
        Assert.DoesNotContain("access_token", ex.Message);
    }

    [Fact]
    public async Task The_right_json_under_a_wrong_content_type_is_still_read()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.WrongContentType(path: TokenPath));
        using var client = sf.Client();

        var auth = await sf.LoginAsync(client, sf.LoginRequest(user));

        Assert.Equal(user.Org.Id, auth.OrgId);
    }

    [Theory]
    [InlineData("{\"instance_url\":\"http://127.0.0.1:1\",\"id\":\"http://127.0.0.1:1/id/00D/005\"}", "access_token")]
    [InlineData("{\"access_token\":\"x!AQsecret\",\"id\":\"http://127.0.0.1:1/id/00D/005\"}", "instance_url")]
    [InlineData("{\"access_token\":\"x!AQsecret\",\"instance_url\":\"http://127.0.0.1:1\"}", "id URL")]
    [InlineData("{\"access_token\":42,\"instance_url\":\"http://127.0.0.1:1\",\"id\":\"http://127.0.0.1:1/id/00D/005\"}", "access_token")]
    [InlineData("{\"access_token\":\"x!AQsecret\",\"instance_url\":[],\"id\":\"http://127.0.0.1:1/id/00D/005\"}", "instance_url")]
    [InlineData("{\"access_token\":\"x!AQsecret\",\"instance_url\":\"http://evil.example.com\",\"id\":\"http://127.0.0.1:1/id/00D/005\"}", "not an https host")]
    [InlineData("{\"access_token\":\"x!AQsecret\",\"instance_url\":\"http://127.0.0.1:1\",\"id\":\"http://127.0.0.1:1/id\"}", "org and user ids")]
    public async Task Json_without_the_needed_fields_is_TokenResponseIncomplete(string body, string named)
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.Status(200, path: TokenPath, body: body));
        using var client = sf.Client();

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("TokenResponseIncomplete", ex.ErrorId);
        Assert.Contains(named, ex.Message);
        SecretAssert.NoSecrets(ex, "x!AQsecret");
    }

    [Fact]
    public async Task Extra_fields_and_a_numeric_issued_at_are_tolerated()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        var body = "{\"access_token\":\"00Dx!AQtoken\",\"instance_url\":\"" + sf.Server.BaseUrl + "\",\"id\":\"" + sf.Server.BaseUrl +
                   "/id/00D000000000001AAA/005000000000001AAA\",\"token_type\":\"Bearer\",\"issued_at\":1700000000123,\"scope\":\"api\",\"x\":{\"y\":[1,2]}}";
        sf.Server.Faults.Enqueue(Fault.Status(200, path: TokenPath, body: body));
        using var client = sf.Client(o => o.FetchOrgDetails = false);

        var auth = await sf.LoginAsync(client, sf.LoginRequest(user));

        Assert.Equal("00D000000000001AAA", auth.OrgId);
        Assert.Equal("005000000000001AAA", auth.UserId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000123), auth.IssuedAt);
        Assert.Equal("00Dx!AQtoken", auth.AccessToken);
    }

    [Fact]
    public async Task A_huge_body_is_refused_after_the_cap()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.HugeBody(sizeBytes: 4L * 1024 * 1024, path: TokenPath));
        using var client = sf.Client();

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("ResponseTooLarge", ex.ErrorId);
        Assert.Contains("1048576 bytes", ex.Message);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_nothing_reaches_the_other_host()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        try
        {
            var otherPort = ((IPEndPoint)other.LocalEndpoint).Port;
            sf.Server.Faults.Enqueue(Fault.Redirect($"http://127.0.0.1:{otherPort}/", statusCode: 307, path: TokenPath));
            using var client = sf.Client();

            var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

            Assert.Equal("TokenEndpointRedirect", ex.ErrorId);
            Assert.Equal(307, ex.StatusCode);
            Assert.Equal("127.0.0.1", ex.RedirectHost);
            Assert.Contains($"-LoginUrl http://127.0.0.1:{otherPort}", ex.Fix);
            Assert.Contains("not sent there", ex.Message);
            Assert.Single(sf.Server.TokenRequests);
            Assert.False(other.Pending(), "the client opened a connection to the redirect target");
            SecretAssert.NoSecrets(ex);
        }
        finally
        {
            other.Stop();
        }
    }

    internal static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
