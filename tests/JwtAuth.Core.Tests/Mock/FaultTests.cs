using System.Net;
using MockSalesforce;
using MockSalesforce.Faults;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Mock;

public class FaultTests
{
    private const string TokenPath = "/services/oauth2/token";

    [Fact]
    public async Task ServiceUnavailableTwiceThenSuccess()
    {
        await using var mock = await MockFixture.StartAsync();
        var fault = mock.Server.Faults.Enqueue(Fault.Status(503, count: 2, path: TokenPath));

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 3; i++)
        {
            using var response = await mock.PostTokenAsync(Claims(mock));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK }, statuses);
        Assert.Equal(0, fault.Remaining);
        Assert.Empty(mock.Server.Faults.Pending);
        Assert.Equal(new[] { "Status", "Status" }, mock.Server.TokenRequests.SelectMany(r => r.Faults));
    }

    [Fact]
    public async Task FaultOnAnotherPathLeavesTheTokenEndpointAlone()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Faults.Enqueue(Fault.Status(500, count: null, path: "/services/data/*"));

        using var token = await mock.PostTokenAsync(Claims(mock));
        using var versions = await mock.GetAsync("/services/data/v62.0", accessToken: null);

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, versions.StatusCode);
    }

    [Fact]
    public async Task TooManyRequestsCarriesRetryAfter()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Faults.Enqueue(Fault.TooManyRequests(retryAfterSeconds: 7, path: TokenPath));

        using var response = await mock.PostTokenAsync(Claims(mock));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(200)]
    public async Task HtmlPageWithStatus(int status)
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Faults.Enqueue(Fault.Html(status, path: TokenPath));

        using var response = await mock.PostTokenAsync(Claims(mock));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DroppedConnectionFailsTheClientRead()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Faults.Enqueue(Fault.DropConnection(path: TokenPath));

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var response = await mock.PostTokenAsync(Claims(mock));
            await response.Content.ReadAsStringAsync();
        });

        Assert.True(error is HttpRequestException or IOException, error.GetType().FullName);
        using var next = await mock.PostTokenAsync(Claims(mock));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task SlowResponseTripsTheClientTimeoutAndCanStillSucceedLater()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Faults.Enqueue(Fault.Delay(30_000, path: TokenPath));
        using var impatient = new HttpClient { BaseAddress = new Uri(mock.Server.BaseUrl), Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.PostAsync(TokenPath, Form(mock)));
        using var next = await mock.PostTokenAsync(Claims(mock));

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task TruncatedJsonIsNotParseable()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Faults.Enqueue(Fault.TruncatedJson(path: TokenPath));

        using var response = await mock.PostTokenAsync(Claims(mock));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => MockFixture.ReadJsonAsync(response));
    }

    [Fact]
    public async Task WrongContentTypeKeepsTheRealBody()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Faults.Enqueue(Fault.WrongContentType("text/plain", path: TokenPath));

        using var response = await mock.PostTokenAsync(Claims(mock));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", (await MockFixture.ReadJsonAsync(response)).GetProperty("token_type").GetString());
    }

    [Fact]
    public async Task HugeBodyHasTheRequestedSize()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Faults.Enqueue(Fault.HugeBody(3 * 1024 * 1024, path: TokenPath));

        using var response = await mock.PostTokenAsync(Claims(mock));
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(3 * 1024 * 1024, body.Length);
        Assert.Equal((byte)'}', body[^1]);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task RedirectPointsAtAnotherHost(int status)
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Faults.Enqueue(Fault.Redirect("http://127.0.0.2:9", status, path: TokenPath));
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(mock.Server.BaseUrl) };

        using var response = await noRedirects.PostAsync(TokenPath, Form(mock));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(new Uri("http://127.0.0.2:9" + TokenPath), response.Headers.Location);
    }

    [Fact]
    public async Task GlobalLatencyDelaysEveryRequestAndIsRecorded()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { LatencyMs = 200 });

        using var response = await mock.PostTokenAsync(Claims(mock));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(mock.Server.TokenRequests.Single().DurationMs >= 190);
    }

    [Fact]
    public void FaultMustApplyAtLeastOnce()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.Status(503, count: 0));
    }

    private static object Claims(MockFixture mock) =>
        HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production);

    private static FormUrlEncodedContent Form(MockFixture mock) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
        ["assertion"] = HandMadeAssertion.Sign(mock.Keys.Key, Claims(mock)),
    });
}
