using System.Net;
using System.Text;
using System.Text.Json;
using MockSalesforce.Model;
using MockSalesforce.Testing;

namespace JwtAuth.Core.Tests.Mock;

public class TokenEndpointTests
{
    [Fact]
    public async Task GoodAssertionGetsATokenThatWorksOnTheRestApi()
    {
        await using var mock = await MockFixture.StartAsync();

        var token = await mock.LoginHubAsync();

        string accessToken = token.GetProperty("access_token").GetString()!;
        Assert.StartsWith(mock.HubOrg.Id[..15] + "!", accessToken);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.Equal(mock.Server.BaseUrl, token.GetProperty("instance_url").GetString());
        Assert.Equal($"{mock.Server.BaseUrl}/id/{mock.HubOrg.Id}/{mock.HubUser.Id}", token.GetProperty("id").GetString());
        Assert.Equal("api web", token.GetProperty("scope").GetString());
        Assert.True(long.TryParse(token.GetProperty("issued_at").GetString(), out long issuedAtMs) && issuedAtMs > 1_000_000_000_000);
        Assert.False(string.IsNullOrEmpty(token.GetProperty("signature").GetString()));
        Assert.False(token.TryGetProperty("refresh_token", out _));

        using var versions = await mock.GetAsync("/services/data", accessToken);
        Assert.Equal(HttpStatusCode.OK, versions.StatusCode);
        using var query = await mock.GetAsync("/services/data/v62.0/query?q=SELECT+Id+FROM+Organization", accessToken);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
    }

    [Fact]
    public async Task SandboxUserNeedsTheTestAudience()
    {
        await using var mock = await MockFixture.StartAsync();

        using var wrong = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.SandboxUser.Username, Audiences.Production));
        using var right = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.SandboxUser.Username, Audiences.Sandbox));

        await AssertOAuthErrorAsync(wrong, "invalid_grant", "audience is invalid");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task ProductionUserRejectsTheTestAudienceAndAMyDomainAudience()
    {
        await using var mock = await MockFixture.StartAsync();

        using var test = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Sandbox));
        using var myDomain = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, "https://mock-hub.my.salesforce.com"));

        await AssertOAuthErrorAsync(test, "invalid_grant", "audience is invalid");
        await AssertOAuthErrorAsync(myDomain, "invalid_grant", "audience is invalid");
    }

    [Fact]
    public async Task ExperienceCloudSiteUrlIsAnAcceptedAudienceWhenConfigured()
    {
        await using var mock = await MockFixture.StartAsync();
        var org = mock.Server.AddOrg(OrgKind.Production, siteUrls: new[] { "https://community.example.com/partners" });
        mock.Server.AddUser(org, "partner@example.com", mock.App);
        string assertion = HandMadeAssertion.Sign(mock.Keys.Key, HandMadeAssertion.Claims(MockFixture.ClientId, "partner@example.com", "https://community.example.com/partners"));

        using var response = await mock.Http.PostAsync("/partners/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = assertion,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/partners/services/oauth2/token", mock.Server.TokenRequests.Single().Path);
    }

    [Fact]
    public async Task OrgInstanceUrlCanBeAnotherNameForTheMockHost()
    {
        await using var mock = await MockFixture.StartAsync();
        string localhost = mock.Server.BaseUrl.Replace("127.0.0.1", "localhost");
        var org = mock.Server.AddOrg(OrgKind.Production, instanceUrl: localhost + "/");
        mock.Server.AddUser(org, "elsewhere@example.com", mock.App);

        using var response = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, "elsewhere@example.com", Audiences.Production));

        Assert.Equal(localhost, (await MockFixture.ReadJsonAsync(response)).GetProperty("instance_url").GetString());
        Assert.Throws<ArgumentException>(() => mock.Server.AddOrg(OrgKind.Production, instanceUrl: localhost + "/services"));
    }

    [Fact]
    public async Task UnknownConsumerKeyIsAnInvalidClientId()
    {
        await using var mock = await MockFixture.StartAsync();

        using var response = await mock.PostTokenAsync(HandMadeAssertion.Claims("3MVG9unknown", mock.HubUser.Username, Audiences.Production));

        await AssertOAuthErrorAsync(response, "invalid_client_id", "client identifier invalid");
        Assert.Equal("invalid_client_id", mock.Server.TokenRequests.Single().ErrorCode);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("e30.e30.e30.e30")]
    [InlineData("")]
    public async Task MalformedAssertionIsAnInvalidAssertion(string assertion)
    {
        await using var mock = await MockFixture.StartAsync();

        using var response = await mock.PostTokenAsync(assertion);

        await AssertOAuthErrorAsync(response, "invalid_grant", "invalid assertion");
    }

    [Theory]
    [InlineData("signed by a key that does not match the uploaded certificate")]
    [InlineData("signed with RS512")]
    [InlineData("claims swapped after signing")]
    public async Task AWellFormedAssertionThatDoesNotVerifyIsAnInvalidAssertion(string how)
    {
        await using var mock = await MockFixture.StartAsync();

        using var response = await mock.PostTokenAsync(UnverifiableAssertion(mock, how));

        await AssertOAuthErrorAsync(response, "invalid_grant", "invalid assertion");
    }

    [Theory]
    [InlineData("nobody@example.com", false)]
    [InlineData("other@example.com", true)]
    public async Task AnUnknownUserOrOneNotPreAuthorizedHasNotApprovedTheConsumer(string username, bool existsWithoutTheApp)
    {
        await using var mock = await MockFixture.StartAsync();
        if (existsWithoutTheApp) mock.Server.AddUser(mock.HubOrg, username);

        using var response = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, username, Audiences.Production));

        await AssertOAuthErrorAsync(response, "invalid_grant", "user hasn't approved this consumer");
    }

    [Fact]
    public async Task InactiveUserIsRejected()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.HubUser.Active = false;

        using var response = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production));

        await AssertOAuthErrorAsync(response, "invalid_grant", "inactive user");
    }

    [Fact]
    public async Task ScratchUserIsNotApprovedUntilReplicated()
    {
        await using var mock = await MockFixture.StartAsync();
        var scratch = mock.Server.AddOrg(OrgKind.Scratch, devHub: mock.HubOrg);
        var user = mock.Server.AddScratchUser(scratch, "test-abc@example.com", mock.App, replicatesAfter: TimeSpan.FromMinutes(5));
        object Claims() => HandMadeAssertion.Claims(MockFixture.ClientId, user.Username, Audiences.Sandbox, mock.Server.Clock.UtcNow.AddMinutes(3));

        using var before = await mock.PostTokenAsync(Claims());
        mock.Server.Clock.Advance(TimeSpan.FromMinutes(6));
        using var after = await mock.PostTokenAsync(Claims());

        await AssertOAuthErrorAsync(before, "invalid_grant", "user hasn't approved this consumer");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task WrongGrantTypeIsUnsupported()
    {
        await using var mock = await MockFixture.StartAsync();
        string assertion = HandMadeAssertion.Sign(mock.Keys.Key, HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production));

        using var response = await mock.PostTokenAsync(assertion, grantType: "password");

        await AssertOAuthErrorAsync(response, "unsupported_grant_type", "grant type not supported");
    }

    [Fact]
    public async Task JsonBodyIsAnUnsupportedGrantType()
    {
        await using var mock = await MockFixture.StartAsync();
        string assertion = HandMadeAssertion.Sign(mock.Keys.Key, HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production));
        string json = JsonSerializer.Serialize(new { grant_type = "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion });

        using var response = await mock.Http.PostAsync("/services/oauth2/token", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertOAuthErrorAsync(response, "unsupported_grant_type", "grant type not supported");
    }

    [Fact]
    public async Task TokenEndpointAnswersOnAnyHostName()
    {
        await using var mock = await MockFixture.StartAsync();
        string assertion = HandMadeAssertion.Sign(mock.Keys.Key, HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/services/oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                ["assertion"] = assertion,
            }),
        };
        request.Headers.Host = "mock-hub.my.salesforce.com";

        using var response = await mock.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("mock-hub.my.salesforce.com", mock.Server.TokenRequests.Single().Host);
    }

    private static string UnverifiableAssertion(MockFixture mock, string how)
    {
        var claims = HandMadeAssertion.Claims(MockFixture.ClientId, mock.HubUser.Username, Audiences.Production);
        switch (how)
        {
            case "signed by a key that does not match the uploaded certificate":
                using (var otherKeys = TestKeyPair.Create()) return HandMadeAssertion.Sign(otherKeys.Key, claims);
            case "signed with RS512":
                return HandMadeAssertion.Sign(mock.Keys.Key, claims, header: new { alg = "RS512", typ = "JWT" });
            case "claims swapped after signing":
                string[] good = HandMadeAssertion.Sign(mock.Keys.Key, claims).Split('.');
                string otherClaims = HandMadeAssertion.Sign(mock.Keys.Key,
                    HandMadeAssertion.Claims(MockFixture.ClientId, mock.SandboxUser.Username, Audiences.Production)).Split('.')[1];
                return good[0] + "." + otherClaims + "." + good[2];
            default:
                throw new ArgumentOutOfRangeException(nameof(how), how, null);
        }
    }

    internal static async Task AssertOAuthErrorAsync(HttpResponseMessage response, string error, string description)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await MockFixture.ReadJsonAsync(response);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal(description, body.GetProperty("error_description").GetString());
    }
}
