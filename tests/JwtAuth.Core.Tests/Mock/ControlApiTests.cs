using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Mock;

public class ControlApiTests
{
    [Fact]
    public async Task ScenarioSetUpOverHttpIssuesTokens()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Reset();

        using var setup = await mock.Http.PostAsJsonAsync("/__mock/setup", new
        {
            apps = new[] { new { consumerKey = "KEY-HTTP", certificatePem = mock.Keys.CertificatePem } },
            orgs = new object[]
            {
                new { kind = "DevHub", name = "HttpHub" },
                new { kind = "Scratch", name = "HttpScratch", devHub = "HttpHub" },
            },
            users = new object[]
            {
                new { username = "hub@http.example", org = "HttpHub", preAuthorizedFor = new[] { "KEY-HTTP" } },
                new { username = "scratch@http.example", org = "HttpScratch", preAuthorizedFor = new[] { "KEY-HTTP" }, replicatesAfterSeconds = 600 },
            },
        });
        var state = await MockFixture.ReadJsonAsync(setup);
        using var hub = await mock.PostTokenAsync(HandMadeAssertion.Claims("KEY-HTTP", "hub@http.example", Audiences.Production));
        using var scratch = await mock.PostTokenAsync(HandMadeAssertion.Claims("KEY-HTTP", "scratch@http.example", Audiences.Sandbox));

        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Equal(2, state.GetProperty("orgs").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, hub.StatusCode);
        await TokenEndpointTests.AssertOAuthErrorAsync(scratch, "invalid_grant", "user hasn't approved this consumer");
    }

    [Fact]
    public async Task ScratchUserAddedOverHttpWaitsForTheServersReplicationDelay()
    {
        await using var mock = await MockFixture.StartAsync(new MockSalesforce.MockOptions { ReplicationDelay = TimeSpan.FromMinutes(10) });
        using var org = await mock.Http.PostAsJsonAsync("/__mock/orgs", new { kind = "Scratch", name = "Fresh", devHub = "Hub" });
        using var user = await mock.Http.PostAsJsonAsync("/__mock/users", new { username = "fresh@example.com", org = "Fresh", preAuthorizedFor = new[] { MockFixture.ClientId } });
        object Claims() => HandMadeAssertion.Claims(MockFixture.ClientId, "fresh@example.com", Audiences.Sandbox, mock.Server.Clock.UtcNow.AddMinutes(3));

        using var early = await mock.PostTokenAsync(Claims());
        mock.Server.Clock.Advance(TimeSpan.FromMinutes(11));
        using var later = await mock.PostTokenAsync(Claims());

        Assert.Equal(HttpStatusCode.OK, org.StatusCode);
        Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        await TokenEndpointTests.AssertOAuthErrorAsync(early, "invalid_grant", "user hasn't approved this consumer");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task ClockAndUserPatchChangeTheScenario()
    {
        await using var mock = await MockFixture.StartAsync();
        using var deactivate = await mock.Http.PatchAsJsonAsync($"/__mock/users/{mock.HubUser.Username}", new { active = false });
        using var inactive = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production));
        using var reactivate = await mock.Http.PatchAsJsonAsync($"/__mock/users/{mock.HubUser.Username}", new { active = true });
        using var clock = await mock.Http.PostAsJsonAsync("/__mock/clock", new { advanceSeconds = 3600 });
        using var expired = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production));

        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        await TokenEndpointTests.AssertOAuthErrorAsync(inactive, "invalid_grant", "inactive user");
        Assert.Equal(HttpStatusCode.OK, reactivate.StatusCode);
        Assert.Equal(3600, (await MockFixture.ReadJsonAsync(clock)).GetProperty("offsetSeconds").GetDouble());
        await TokenEndpointTests.AssertOAuthErrorAsync(expired, "invalid_grant", "expired authorization code");
    }

    [Fact]
    public async Task FaultsPostedOverHttpApplyInOrder()
    {
        await using var mock = await MockFixture.StartAsync();

        using var added = await mock.Http.PostAsJsonAsync("/__mock/faults", new { kind = "Status", path = "/services/oauth2/token", count = 1, statusCode = 500 });
        using var first = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production));
        using var second = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task RequestLogOverHttpHasDecodedClaimsButNoSecrets()
    {
        await using var mock = await MockFixture.StartAsync();
        string assertion = HandMadeAssertion.Sign(mock.Keys.Key, HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production));
        using var token = await mock.PostTokenAsync(assertion);
        string accessToken = (await MockFixture.ReadJsonAsync(token)).GetProperty("access_token").GetString()!;
        using var query = await mock.GetAsync("/services/data/v62.0/query?q=SELECT+Id+FROM+Organization", accessToken);

        string log = await mock.Http.GetStringAsync("/__mock/requests");

        Assert.DoesNotContain(assertion.Split('.')[2], log);
        Assert.DoesNotContain(accessToken, log);
        var entries = JsonDocument.Parse(log).RootElement;
        Assert.Equal(2, entries.GetArrayLength());
        var tokenEntry = entries[0];
        Assert.Equal(mock.HubUser.Username, tokenEntry.GetProperty("assertion").GetProperty("claims").GetProperty("sub").GetString());
        Assert.Equal("RS256", tokenEntry.GetProperty("assertion").GetProperty("header").GetProperty("alg").GetString());
        Assert.Equal(200, tokenEntry.GetProperty("statusCode").GetInt32());
        Assert.True(entries[1].GetProperty("hadAuthorization").GetBoolean());
    }

    [Fact]
    public async Task RevokeEndsSessionsAndResetForgetsEverything()
    {
        await using var mock = await MockFixture.StartAsync();
        string accessToken = (await mock.LoginHubAsync()).GetProperty("access_token").GetString()!;

        using var revoke = await mock.Http.PostAsJsonAsync("/__mock/revoke", new { username = mock.HubUser.Username });
        using var afterRevoke = await mock.GetAsync("/services/data/v62.0", accessToken);
        using var reset = await mock.Http.PostAsync("/__mock/reset", content: null);
        using var afterReset = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production));

        Assert.Equal(1, (await MockFixture.ReadJsonAsync(revoke)).GetProperty("revoked").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        await TokenEndpointTests.AssertOAuthErrorAsync(afterReset, "invalid_client_id", "client identifier invalid");
        Assert.Single(mock.Server.Requests);
    }

    [Fact]
    public async Task BadControlRequestIsA400WithTheProblem()
    {
        await using var mock = await MockFixture.StartAsync();

        using var response = await mock.Http.PostAsJsonAsync("/__mock/users", new { username = "x@example.com", org = "NoSuchOrg" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("NoSuchOrg", (await MockFixture.ReadJsonAsync(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task ControlRequestsAreNeitherFaultedNorLogged()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Faults.Enqueue(MockSalesforce.Faults.Fault.Status(503, count: null));

        using var state = await mock.Http.GetAsync("/__mock/state");

        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        Assert.Empty(mock.Server.Requests);
    }
}
