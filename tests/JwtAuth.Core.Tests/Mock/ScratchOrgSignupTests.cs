using System.Globalization;
using System.Net;
using System.Text.Json;
using MockSalesforce;
using MockSalesforce.Model;
using MockSalesforce.Scratch;

namespace JwtAuth.Core.Tests.Mock;

public class ScratchOrgSignupTests
{
    private const string OtherAppKey = "3MVG9anotherConnectedApp";

    [Fact]
    public async Task InsertedOrgGoesActiveAndItsAdminLogsInAtLoginUrlOnlyAfterReplicationAndOnlyWithTheNamedApp()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions
        {
            ScratchOrgProvisioningTime = TimeSpan.FromMinutes(2),
            ReplicationDelay = TimeSpan.FromMinutes(3),
        });
        mock.Server.AddConnectedApp(OtherAppKey, mock.Keys.CertificatePem);
        var hub = await HubSession.LoginAsync(mock);
        string id = await hub.InsertOkAsync(HubSession.Definition("Dev.One@Example.com"));
        var created = mock.Server.Clock.UtcNow;

        var fresh = await hub.GetInfoAsync(id);
        mock.Server.Clock.Advance(TimeSpan.FromMinutes(1));
        var creating = await hub.GetInfoAsync(id);
        using var whileCreating = await LoginAsync(mock, "dev.one@example.com", MockFixture.ClientId, mock.Server.BaseUrl);
        mock.Server.Clock.Advance(TimeSpan.FromMinutes(1.5));
        var active = await hub.GetInfoAsync(id);
        string loginUrl = active.GetProperty("LoginUrl").GetString()!;
        using var beforeReplication = await LoginAsync(mock, "dev.one@example.com", MockFixture.ClientId, loginUrl);
        mock.Server.Clock.Advance(TimeSpan.FromMinutes(3));
        using var otherApp = await LoginAsync(mock, "dev.one@example.com", OtherAppKey, loginUrl);
        using var productionAudience = await LoginAsync(mock, "dev.one@example.com", MockFixture.ClientId, loginUrl, Audiences.Production);
        mock.Server.ClearRequests();
        using var namedApp = await LoginAsync(mock, "dev.one@example.com", MockFixture.ClientId, loginUrl);

        Assert.Equal("New", fresh.GetProperty("Status").GetString());
        Assert.Equal(JsonValueKind.Null, fresh.GetProperty("LoginUrl").ValueKind);
        Assert.Equal("Creating", creating.GetProperty("Status").GetString());
        Assert.Equal(JsonValueKind.Null, creating.GetProperty("ScratchOrg").ValueKind);
        await TokenEndpointTests.AssertOAuthErrorAsync(whileCreating, "invalid_grant", "user hasn't approved this consumer");
        Assert.Equal("Active", active.GetProperty("Status").GetString());
        Assert.Equal("dev.one@example.com", active.GetProperty("SignupUsername").GetString());
        var org = mock.Server.Directory.FindUser("dev.one@example.com")!.Org;
        Assert.Equal(OrgKind.Scratch, org.Kind);
        Assert.Same(mock.HubOrg, org.DevHub);
        Assert.Equal(org.Id[..15], active.GetProperty("ScratchOrg").GetString());
        Assert.Equal(mock.Server.BaseUrl.Replace("127.0.0.1", "localhost"), loginUrl);
        Assert.EndsWith("S", active.GetProperty("SignupInstance").GetString());
        Assert.Equal(created.AddDays(7).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), active.GetProperty("ExpirationDate").GetString());
        Assert.Equal(MockFixture.ClientId, active.GetProperty("ConnectedAppConsumerKey").GetString());
        Assert.Equal(JsonValueKind.Null, active.GetProperty("AuthCode").ValueKind); // the app has a certificate
        Assert.Equal(mock.HubUser.Id, active.GetProperty("CreatedById").GetString());
        Assert.Equal("ScratchOrgInfo", active.GetProperty("attributes").GetProperty("type").GetString());
        await TokenEndpointTests.AssertOAuthErrorAsync(beforeReplication, "invalid_grant", "user hasn't approved this consumer");
        await TokenEndpointTests.AssertOAuthErrorAsync(otherApp, "invalid_grant", "user hasn't approved this consumer");
        await TokenEndpointTests.AssertOAuthErrorAsync(productionAudience, "invalid_grant", "audience is invalid");
        Assert.Equal(HttpStatusCode.OK, namedApp.StatusCode);
        var token = await MockFixture.ReadJsonAsync(namedApp);
        Assert.Equal(loginUrl, token.GetProperty("instance_url").GetString());
        Assert.StartsWith(org.Id[..15] + "!", token.GetProperty("access_token").GetString());
        Assert.Equal(new Uri(loginUrl).Authority, mock.Server.TokenRequests.Single().Host);
    }

    [Fact]
    public async Task InsertWithoutUsernameGetsAGeneratedOne()
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await HubSession.LoginAsync(mock);

        string id = await hub.InsertOkAsync(HubSession.Definition());
        var info = await hub.GetInfoAsync(id);

        string username = info.GetProperty("SignupUsername").GetString()!;
        Assert.Matches("^test-[a-z0-9]{12}@example\\.com$", username);
        Assert.Equal(OrgKind.Scratch, mock.Server.Directory.FindUser(username)!.Org.Kind);
    }

    [Fact]
    public async Task PlannedErrorEndsInErrorWithItsCodeAndLeavesNoOrg()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromMinutes(1) });
        mock.Server.ScratchOrgs.Plan(new ScratchOrgPlan { Username = "broken@example.com", ErrorCode = "C-9999" });
        var hub = await HubSession.LoginAsync(mock);
        string failing = await hub.InsertOkAsync(HubSession.Definition("broken@example.com"));
        string working = await hub.InsertOkAsync(HubSession.Definition("works@example.com"));

        var before = await hub.GetInfoAsync(failing);
        mock.Server.Clock.Advance(TimeSpan.FromMinutes(2));
        var failed = await hub.GetInfoAsync(failing);
        var succeeded = await hub.GetInfoAsync(working);
        using var login = await LoginAsync(mock, "broken@example.com", MockFixture.ClientId, mock.Server.BaseUrl);

        Assert.Equal("New", before.GetProperty("Status").GetString());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("ErrorCode").ValueKind);
        Assert.Equal("Error", failed.GetProperty("Status").GetString());
        Assert.Equal("C-9999", failed.GetProperty("ErrorCode").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("ScratchOrg").ValueKind);
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("LoginUrl").ValueKind);
        Assert.Null(mock.Server.Directory.FindUser("broken@example.com"));
        Assert.Equal("Active", succeeded.GetProperty("Status").GetString());
        await TokenEndpointTests.AssertOAuthErrorAsync(login, "invalid_grant", "user hasn't approved this consumer");
        Assert.Empty(mock.Server.ScratchOrgs.PendingPlans);
    }

    [Fact]
    public async Task UnknownAppExternalClientAppAndTakenUsernameFailTheSignupLikeSalesforce()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.AddConnectedApp("ECA-KEY", mock.Keys.CertificatePem).IsExternalClientApp = true;
        var hub = await HubSession.LoginAsync(mock);

        string unknownApp = await hub.InsertOkAsync(HubSession.Definition("a@example.com", consumerKey: "NoSuchKey"));
        string externalApp = await hub.InsertOkAsync(HubSession.Definition("b@example.com", consumerKey: "ECA-KEY"));
        string takenUsername = await hub.InsertOkAsync(HubSession.Definition(mock.SandboxUser.Username));

        Assert.Equal("C-1016", (await hub.GetInfoAsync(unknownApp)).GetProperty("ErrorCode").GetString());
        Assert.Equal("C-1016", (await hub.GetInfoAsync(externalApp)).GetProperty("ErrorCode").GetString());
        Assert.Equal("C-1007", (await hub.GetInfoAsync(takenUsername)).GetProperty("ErrorCode").GetString());
        Assert.Same(mock.SandboxOrg, mock.Server.Directory.FindUser(mock.SandboxUser.Username)!.Org);
        Assert.DoesNotContain(mock.Server.Directory.Orgs, o => o.Kind == OrgKind.Scratch);
    }

    [Fact]
    public async Task WithoutConnectedAppFieldsRequiredTheCliAppIsStoredAndTheHubAppCannotLogIn()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { RequireConnectedAppFields = false });
        var hub = await HubSession.LoginAsync(mock);
        var body = HubSession.Definition("cli@example.com", consumerKey: null);
        body.Remove("ConnectedAppCallbackUrl");

        string id = await hub.InsertOkAsync(body);
        var info = await hub.GetInfoAsync(id);
        using var login = await LoginAsync(mock, "cli@example.com", MockFixture.ClientId, info.GetProperty("LoginUrl").GetString()!);

        Assert.Equal("PlatformCLI", info.GetProperty("ConnectedAppConsumerKey").GetString());
        Assert.Equal(JsonValueKind.Null, info.GetProperty("ConnectedAppCallbackUrl").ValueKind);
        Assert.False(string.IsNullOrEmpty(info.GetProperty("AuthCode").GetString())); // PlatformCLI has no certificate
        await TokenEndpointTests.AssertOAuthErrorAsync(login, "invalid_grant", "user hasn't approved this consumer");
    }

    [Fact]
    public async Task GetHonoursFieldsAndRefusesUnknownOnes()
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await HubSession.LoginAsync(mock);
        string id = await hub.InsertOkAsync(HubSession.Definition("fields@example.com"));

        var some = await hub.GetInfoAsync(id, "Status,SignupUsername,CreatedBy.Username");
        var by15 = await hub.GetInfoAsync(id[..15], "Id");
        using var unknown = await hub.SendAsync(HttpMethod.Get, $"{HubSession.Api}/sobjects/ScratchOrgInfo/{id}?fields=Status,Bogus");

        Assert.Equal(new[] { "attributes", "Status", "SignupUsername", "CreatedBy" }, some.EnumerateObject().Select(p => p.Name));
        Assert.Equal(mock.HubUser.Username, some.GetProperty("CreatedBy").GetProperty("Username").GetString());
        Assert.Equal(id, by15.GetProperty("Id").GetString());
        var error = await HubSession.SingleErrorAsync(unknown, 400);
        Assert.Equal("INVALID_FIELD", error.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task ScratchOrgObjectsDoNotExistOutsideADevHub()
    {
        await using var mock = await MockFixture.StartAsync();
        using var tokenResponse = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.SandboxUser.Username, Audiences.Sandbox));
        var sandbox = HubSession.WithToken(mock.Http, (await MockFixture.ReadJsonAsync(tokenResponse)).GetProperty("access_token").GetString()!);

        using var insert = await sandbox.InsertAsync(HubSession.Definition("x@example.com"));
        using var query = await sandbox.SendAsync(HttpMethod.Get, $"{HubSession.Api}/query?q=SELECT+Id+FROM+ActiveScratchOrg");
        using var delete = await sandbox.SendAsync(HttpMethod.Delete, $"{HubSession.Api}/sobjects/ActiveScratchOrg/2AS7Q0000000001AAA");

        Assert.Equal("NOT_FOUND", (await HubSession.SingleErrorAsync(insert, 404)).GetProperty("errorCode").GetString());
        Assert.Equal("INVALID_TYPE", (await HubSession.SingleErrorAsync(query, 400)).GetProperty("errorCode").GetString());
        Assert.Equal("NOT_FOUND", (await HubSession.SingleErrorAsync(delete, 404)).GetProperty("errorCode").GetString());
        Assert.Empty(mock.Server.ScratchOrgs.All);
    }

    internal static Task<HttpResponseMessage> LoginAsync(MockFixture mock, string username, string consumerKey, string loginUrl,
        string audience = Audiences.Sandbox) =>
        HubSession.LoginAtAsync(mock.Http, loginUrl, HandMadeAssertion.Sign(mock.Keys.Key,
            HandMadeAssertion.Claims(consumerKey, username, audience, mock.Server.Clock.UtcNow.AddMinutes(3))));
}
