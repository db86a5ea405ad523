using System.Net;
using MockSalesforce;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Mock;

public class ExpiryTests
{
    [Fact]
    public async Task ExpInMillisecondsLikeTheCliIsAccepted()
    {
        await using var mock = await MockFixture.StartAsync();
        var now = DateTimeOffset.UtcNow;

        using var response = await mock.PostTokenAsync(new
        {
            iss = MockFixture.ClientId,
            sub = mock.HubUser.Username,
            aud = Audiences.Production,
            exp = now.ToUnixTimeMilliseconds() + 300,
            iat = now.ToUnixTimeSeconds(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = mock.Server.TokenRequests.Single().Assertion!;
        Assert.True(recorded.ExpLooksLikeMilliseconds);
        Assert.Equal(now.ToUnixTimeSeconds(), (long)recorded.ClaimNumber("iat")!.Value);
    }

    [Fact]
    public async Task ExpInSecondsIsRecordedAsSeconds()
    {
        await using var mock = await MockFixture.StartAsync();

        using var response = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = mock.Server.TokenRequests.Single();
        Assert.False(recorded.Assertion!.ExpLooksLikeMilliseconds);
        Assert.Equal("(redacted)", recorded.Form["assertion"]);
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", recorded.Form["grant_type"]);
    }

    /// <summary>An exp already past, and an exp 3 minutes ahead on a client whose clock is 10 minutes behind the server's.</summary>
    [Theory]
    [InlineData(0, -5)]
    [InlineData(10, 3)]
    public async Task ExpBehindTheServersClockIsAnExpiredAuthorizationCode(int serverAheadMinutes, int expInMinutes)
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Clock.Advance(TimeSpan.FromMinutes(serverAheadMinutes));

        using var response = await mock.PostTokenAsync(HandMadeAssertion.Claims(
            MockFixture.ClientId, mock.HubUser.Username, Audiences.Production, DateTimeOffset.UtcNow.AddMinutes(expInMinutes)));

        await TokenEndpointTests.AssertOAuthErrorAsync(response, "invalid_grant", "expired authorization code");
    }

    [Fact]
    public async Task ExpJustPastIsToleratedAsClockSkew()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { ClockSkew = TimeSpan.FromMinutes(2) });

        using var response = await mock.PostTokenAsync(HandMadeAssertion.Claims(
            MockFixture.ClientId, mock.HubUser.Username, Audiences.Production, DateTimeOffset.UtcNow.AddMinutes(-1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task MissingExpIsAnInvalidAssertion()
    {
        await using var mock = await MockFixture.StartAsync();

        using var response = await mock.PostTokenAsync(new { iss = MockFixture.ClientId, sub = mock.HubUser.Username, aud = Audiences.Production });

        await TokenEndpointTests.AssertOAuthErrorAsync(response, "invalid_grant", "invalid assertion");
    }

    [Fact]
    public async Task StrictExpiryRejectsMillisecondsAndFarFutureButAcceptsThreeMinutes()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { StrictExpiry = true });
        var now = DateTimeOffset.UtcNow;

        using var milliseconds = await mock.PostTokenAsync(new
        {
            iss = MockFixture.ClientId, sub = mock.HubUser.Username, aud = Audiences.Production, exp = now.ToUnixTimeMilliseconds() + 300,
        });
        using var oneHour = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production, now.AddHours(1)));
        using var threeMinutes = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production, now.AddMinutes(3)));

        await TokenEndpointTests.AssertOAuthErrorAsync(milliseconds, "invalid_grant", "expired authorization code");
        await TokenEndpointTests.AssertOAuthErrorAsync(oneHour, "invalid_grant", "expired authorization code");
        Assert.Equal(HttpStatusCode.OK, threeMinutes.StatusCode);
    }
}
