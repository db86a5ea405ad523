using System.Net;
using System.Text.Json;
using MockSalesforce;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Mock;

public class RestEndpointTests
{
    private const string OrganizationQuery =
        "SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM Organization";

    [Fact]
    public async Task VersionListHasSalesforceShapeAndEndsAtTheLatestVersion()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { LatestApiVersion = 62 });

        using var response = await mock.GetAsync("/services/data", accessToken: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var versions = (await MockFixture.ReadJsonAsync(response)).EnumerateArray().ToArray();
        var latest = versions[^1];
        Assert.Equal("62.0", latest.GetProperty("version").GetString());
        Assert.Equal("/services/data/v62.0", latest.GetProperty("url").GetString());
        Assert.Equal("Winter '25", latest.GetProperty("label").GetString());
    }

    [Fact]
    public async Task VersionListCanRequireASession()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { VersionsRequireAuth = true });

        using var response = await mock.GetAsync("/services/data", accessToken: null);

        await AssertInvalidSessionAsync(response);
    }

    [Fact]
    public async Task OrganizationQueryDescribesTheDevHub()
    {
        await using var mock = await MockFixture.StartAsync();
        string token = (await mock.LoginHubAsync()).GetProperty("access_token").GetString()!;

        using var response = await mock.GetAsync("/services/data/v62.0/query?q=" + Uri.EscapeDataString(OrganizationQuery), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await MockFixture.ReadJsonAsync(response);
        Assert.Equal(1, body.GetProperty("totalSize").GetInt32());
        Assert.True(body.GetProperty("done").GetBoolean());
        var record = body.GetProperty("records")[0];
        Assert.Equal("Organization", record.GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal($"/services/data/v62.0/sobjects/Organization/{mock.HubOrg.Id}", record.GetProperty("attributes").GetProperty("url").GetString());
        Assert.Equal("Hub", record.GetProperty("Name").GetString());
        Assert.False(record.GetProperty("IsSandbox").GetBoolean());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("TrialExpirationDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, record.GetProperty("NamespacePrefix").ValueKind);
        Assert.False(record.TryGetProperty("Id", out _));
    }

    [Fact]
    public async Task ScratchOrgIsASandboxWithATrialDateAndSandboxHasNone()
    {
        await using var mock = await MockFixture.StartAsync();
        var scratch = mock.Server.AddOrg(OrgKind.Scratch, devHub: mock.HubOrg);
        mock.Server.AddUser(scratch, "scratch@example.com", mock.App);

        var scratchRecord = await QueryOrganizationAsync(mock, "scratch@example.com");
        var sandboxRecord = await QueryOrganizationAsync(mock, mock.SandboxUser.Username);

        Assert.True(scratchRecord.GetProperty("IsSandbox").GetBoolean());
        Assert.Equal(JsonValueKind.String, scratchRecord.GetProperty("TrialExpirationDate").ValueKind);
        Assert.True(sandboxRecord.GetProperty("IsSandbox").GetBoolean());
        Assert.Equal(JsonValueKind.Null, sandboxRecord.GetProperty("TrialExpirationDate").ValueKind);
    }

    [Fact]
    public async Task ScratchOrgInfoQuerySucceedsOnlyOnADevHub()
    {
        await using var mock = await MockFixture.StartAsync();
        var scratch = mock.Server.AddOrg(OrgKind.Scratch, devHub: mock.HubOrg);
        string hubToken = (await mock.LoginHubAsync()).GetProperty("access_token").GetString()!;
        string sandboxToken = await LoginAsync(mock, mock.SandboxUser.Username, Audiences.Sandbox);
        const string devHubCheck = "/services/data/v51.0/query?q=SELECT%20Id%20FROM%20ScratchOrgInfo%20limit%201";

        using var onHub = await mock.GetAsync(devHubCheck, hubToken);
        using var onSandbox = await mock.GetAsync(devHubCheck, sandboxToken);

        Assert.Equal(HttpStatusCode.OK, onHub.StatusCode);
        var record = (await MockFixture.ReadJsonAsync(onHub)).GetProperty("records")[0];
        Assert.Equal(scratch.ScratchOrgInfoId, record.GetProperty("Id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, onSandbox.StatusCode);
        var error = (await MockFixture.ReadJsonAsync(onSandbox))[0];
        Assert.Equal("INVALID_TYPE", error.GetProperty("errorCode").GetString());
        Assert.Equal("sObject type 'ScratchOrgInfo' is not supported.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ScratchOrgInfoFilterByScratchOrgIdLikeTheCli()
    {
        await using var mock = await MockFixture.StartAsync();
        var scratch = mock.Server.AddOrg(OrgKind.Scratch, devHub: mock.HubOrg);
        mock.Server.AddOrg(OrgKind.Scratch, devHub: mock.HubOrg);
        string hubToken = (await mock.LoginHubAsync()).GetProperty("access_token").GetString()!;
        string soql = $"select Id, ExpirationDate, ScratchOrg from ScratchOrgInfo where ScratchOrg = '{scratch.Id[..15]}' and Status = 'Active'";

        using var response = await mock.GetAsync("/services/data/v62.0/query?q=" + Uri.EscapeDataString(soql), hubToken);

        var body = await MockFixture.ReadJsonAsync(response);
        Assert.Equal(1, body.GetProperty("totalSize").GetInt32());
        Assert.Equal(scratch.Id[..15], body.GetProperty("records")[0].GetProperty("ScratchOrg").GetString());
    }

    [Fact]
    public async Task IdentityAndUserInfoDescribeTheUser()
    {
        await using var mock = await MockFixture.StartAsync();
        var token = await mock.LoginHubAsync();
        string accessToken = token.GetProperty("access_token").GetString()!;
        string idPath = new Uri(token.GetProperty("id").GetString()!).PathAndQuery;

        using var identity = await mock.GetAsync(idPath, accessToken);
        using var userInfo = await mock.GetAsync("/services/oauth2/userinfo", accessToken);

        var identityBody = await MockFixture.ReadJsonAsync(identity);
        Assert.Equal(mock.HubUser.Username, identityBody.GetProperty("username").GetString());
        Assert.Equal(mock.HubOrg.Id, identityBody.GetProperty("organization_id").GetString());
        Assert.Equal(mock.HubUser.Id, identityBody.GetProperty("user_id").GetString());
        var userInfoBody = await MockFixture.ReadJsonAsync(userInfo);
        Assert.Equal(mock.HubUser.Username, userInfoBody.GetProperty("preferred_username").GetString());
        Assert.Equal(token.GetProperty("id").GetString(), userInfoBody.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task IdentityOfAnotherOrgIsForbidden()
    {
        await using var mock = await MockFixture.StartAsync();
        string accessToken = (await mock.LoginHubAsync()).GetProperty("access_token").GetString()!;

        using var response = await mock.GetAsync($"/id/{mock.SandboxOrg.Id}/{mock.SandboxUser.Id}", accessToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("00D000000000001!AQnotissued")]
    public async Task RestCallsWithoutAnIssuedTokenAreInvalidSessions(string? accessToken)
    {
        await using var mock = await MockFixture.StartAsync();

        using var query = await mock.GetAsync("/services/data/v62.0/query?q=SELECT+Id+FROM+Organization", accessToken);
        using var identity = await mock.GetAsync($"/id/{mock.HubOrg.Id}/{mock.HubUser.Id}", accessToken);
        using var userInfo = await mock.GetAsync("/services/oauth2/userinfo", accessToken);

        await AssertInvalidSessionAsync(query);
        await AssertInvalidSessionAsync(identity);
        await AssertInvalidSessionAsync(userInfo);
    }

    [Fact]
    public async Task SessionExpiresAfterItsLifetime()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { SessionLifetime = TimeSpan.FromMinutes(30) });
        string accessToken = (await mock.LoginHubAsync()).GetProperty("access_token").GetString()!;

        using var before = await mock.GetAsync("/services/data/v62.0/query?q=SELECT+Id+FROM+Organization", accessToken);
        mock.Server.Clock.Advance(TimeSpan.FromMinutes(31));
        using var after = await mock.GetAsync("/services/data/v62.0/query?q=SELECT+Id+FROM+Organization", accessToken);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await AssertInvalidSessionAsync(after);
    }

    [Fact]
    public async Task RevokedSessionIsInvalid()
    {
        await using var mock = await MockFixture.StartAsync();
        string accessToken = (await mock.LoginHubAsync()).GetProperty("access_token").GetString()!;

        Assert.Equal(1, mock.Server.Sessions.Revoke(mock.HubUser));
        using var response = await mock.GetAsync("/services/data/v62.0", accessToken);

        await AssertInvalidSessionAsync(response);
    }

    [Fact]
    public async Task VersionBeyondTheLatestIsNotFound()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { LatestApiVersion = 62 });
        string accessToken = (await mock.LoginHubAsync()).GetProperty("access_token").GetString()!;

        using var served = await mock.GetAsync("/services/data/v62.0", accessToken);
        using var missing = await mock.GetAsync("/services/data/v63.0", accessToken);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task UnknownPathIsASalesforceNotFoundAndIsRecorded()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { LogUnknownPathsToConsole = false });

        using var response = await mock.GetAsync("/services/apexrest/whatever", accessToken: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", (await MockFixture.ReadJsonAsync(response))[0].GetProperty("errorCode").GetString());
        Assert.Equal(404, mock.Server.Requests.Single(r => r.Path == "/services/apexrest/whatever").StatusCode);
    }

    [Fact]
    public async Task ToolingSandboxProcessQueryOfTheCliFindsNoSandboxesOnAProductionOrg()
    {
        await using var mock = await MockFixture.StartAsync();
        string accessToken = (await mock.LoginHubAsync()).GetProperty("access_token").GetString()!;
        string soql = $"SELECT Id,Status,SandboxName FROM SandboxProcess WHERE SandboxOrganization ='{mock.SandboxOrg.Id[..15]}' ORDER BY CreatedDate DESC";

        using var response = await mock.GetAsync("/services/data/v65.0/tooling/query?q=" + Uri.EscapeDataString(soql), accessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await MockFixture.ReadJsonAsync(response)).GetProperty("totalSize").GetInt32());
    }

    [Fact]
    public async Task RequestLogKeepsOnlyTheLatestRequests()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { MaxRecordedRequests = 2, LogUnknownPathsToConsole = false });

        foreach (var path in new[] { "/one", "/two", "/three" })
        {
            using var response = await mock.GetAsync(path, accessToken: null);
        }

        Assert.Equal(new[] { "/two", "/three" }, mock.Server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task UserSObjectByIdLikeTheCliUserLookup()
    {
        await using var mock = await MockFixture.StartAsync();
        string accessToken = (await mock.LoginHubAsync()).GetProperty("access_token").GetString()!;

        using var response = await mock.GetAsync($"/services/data/v62.0/sobjects/User/{mock.HubUser.Id}", accessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mock.HubUser.Username, (await MockFixture.ReadJsonAsync(response)).GetProperty("Username").GetString());
    }

    private static async Task<string> LoginAsync(MockFixture mock, string username, string audience)
    {
        using var response = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, username, audience));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await MockFixture.ReadJsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    private static async Task<JsonElement> QueryOrganizationAsync(MockFixture mock, string username)
    {
        var org = mock.Server.Directory.FindUser(username)!.Org;
        string token = await LoginAsync(mock, username, org.LoginAudience);
        using var response = await mock.GetAsync("/services/data/v62.0/query?q=" + Uri.EscapeDataString(OrganizationQuery), token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await MockFixture.ReadJsonAsync(response)).GetProperty("records")[0];
    }

    private static async Task AssertInvalidSessionAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await MockFixture.ReadJsonAsync(response))[0];
        Assert.Equal("INVALID_SESSION_ID", error.GetProperty("errorCode").GetString());
        Assert.Equal("Session expired or invalid", error.GetProperty("message").GetString());
    }
}
