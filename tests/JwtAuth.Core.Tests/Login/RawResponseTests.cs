using JwtAuth.Core.Http;
using JwtAuth.Core.Login;

namespace JwtAuth.Core.Tests.Login;

/// <summary>Answers the mock cannot give, from a raw loopback socket.</summary>
public class RawResponseTests
{
    private static JwtLoginRequest RequestTo(string baseUrl) =>
        new() { ClientId = "c", Username = "u@example.com", LoginUrl = baseUrl };

    [Fact]
    public async Task A_chunked_body_without_a_length_is_cut_off_at_the_cap()
    {
        var sentBytes = 0L;
        await using var server = new LoopbackHttpServer(async (_, stream, token) =>
        {
            await LoopbackHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", token);
            var chunk = "{" + new string(' ', 64 * 1024 - 1);
            for (var i = 0; i < 256; i++) // up to 16 MiB, unless the client hangs up first
            {
                await LoopbackHttpServer.WriteAsync(stream, $"{chunk.Length:X}\r\n{chunk}\r\n", token);
                Interlocked.Add(ref sentBytes, chunk.Length);
            }
        });
        var delays = new RecordingDelay();
        using var client = new SalesforceLoginClient(new SalesforceLoginClientOptions { Delay = delays.DelayAsync, MaxResponseBytes = 256 * 1024 });
        using var key = System.Security.Cryptography.RSA.Create(2048);

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() =>
            client.LoginAsync(RequestTo(server.BaseUrl), key, Model.KeyReference.None(), null, CancellationToken.None));

        Assert.Equal("ResponseTooLarge", ex.ErrorId);
        Assert.Contains("262144 bytes", ex.Message);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_503_with_an_http_date_Retry_After_waits_until_that_date()
    {
        var now = DateTimeOffset.UtcNow;
        var retryAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddSeconds(20);
        await using var server = new LoopbackHttpServer(async (n, stream, token) =>
        {
            var body = n == 1 ? "down" : "{\"error\":\"invalid_client_id\",\"error_description\":\"client identifier invalid\"}";
            var head = n == 1
                ? $"HTTP/1.1 503 Service Unavailable\r\nRetry-After: {retryAt:R}\r\nContent-Type: text/plain\r\n"
                : "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n";
            await LoopbackHttpServer.WriteAsync(stream, head + $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}", token);
        });
        var delays = new RecordingDelay();
        using var client = new SalesforceLoginClient(new SalesforceLoginClientOptions
        {
            Delay = delays.DelayAsync,
            TimeProvider = new Jwt.FixedClock(now),
        });
        using var key = System.Security.Cryptography.RSA.Create(2048);

        var ex = await Assert.ThrowsAsync<SalesforceAuthException>(() =>
            client.LoginAsync(RequestTo(server.BaseUrl), key, Model.KeyReference.None(), null, CancellationToken.None));

        Assert.Equal("InvalidClientId", ex.ErrorId);
        Assert.Equal(2, ex.Attempts);
        Assert.Equal(retryAt - now, Assert.Single(delays.Waits));
    }

    [Fact]
    public async Task A_server_that_accepts_and_closes_without_answering_is_a_connection_error()
    {
        await using var server = new LoopbackHttpServer((_, _, _) => Task.CompletedTask);
        var delays = new RecordingDelay();
        using var client = new SalesforceLoginClient(new SalesforceLoginClientOptions { Delay = delays.DelayAsync, MaxTransportRetries = 2 });
        using var key = System.Security.Cryptography.RSA.Create(2048);

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() =>
            client.LoginAsync(RequestTo(server.BaseUrl), key, Model.KeyReference.None(), null, CancellationToken.None));

        Assert.Equal("ConnectionLost", ex.ErrorId);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(3, server.Requests);
        Assert.Equal(2, delays.Waits.Count);
    }
}
