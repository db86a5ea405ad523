using System.Net;
using System.Net.Http.Json;
using MockSalesforce.Model;
using MockSalesforce.Testing;

namespace JwtAuth.Core.Tests.Mock;

public class StandaloneScratchOrgTests
{
    [Fact]
    public async Task TheStandaloneMockCreatesLogsInToAndDeploysToAScratchOrg()
    {
        using var keys = TestKeyPair.Create();
        using var folder = await SetupFolder.CreateAsync(keys.CertificatePem, """
            {
              "apps": [ { "consumerKey": "KEY-STANDALONE", "certificatePath": "app.crt" } ],
              "orgs": [ { "kind": "DevHub", "name": "Hub", "activeScratchOrgs": 4 } ],
              "users": [ { "username": "hub@standalone.example", "org": "Hub", "preAuthorizedFor": [ "KEY-STANDALONE" ] } ]
            }
            """);
        using var mock = await StandaloneMock.StartAsync("--config", folder.SetupJson, "--lifetime-seconds", "300",
            "--latency-ms", "20", "--scratch-provisioning-seconds", "60", "--replication-delay-seconds", "3");
        using var http = new HttpClient { BaseAddress = new Uri(mock.BaseUrl) };
        string Assertion(string username, string audience, int aheadSeconds) => HandMadeAssertion.Sign(keys.Key,
            HandMadeAssertion.Claims("KEY-STANDALONE", username, audience, DateTimeOffset.UtcNow.AddSeconds(aheadSeconds + 180)));
        using var hubToken = await HubSession.LoginAtAsync(http, mock.BaseUrl, Assertion("hub@standalone.example", Audiences.Production, 0));
        var hub = HubSession.WithToken(http, (await MockFixture.ReadJsonAsync(hubToken)).GetProperty("access_token").GetString()!);

        string id = await hub.InsertOkAsync(HubSession.Definition("new@standalone.example", consumerKey: "KEY-STANDALONE"));
        var creating = await hub.GetInfoAsync(id);
        using var advance = await http.PostAsJsonAsync("/__mock/clock", new { advanceSeconds = 61 });
        var active = await hub.GetInfoAsync(id);
        string loginUrl = active.GetProperty("LoginUrl").GetString()!;
        using var early = await HubSession.LoginAtAsync(http, loginUrl, Assertion("new@standalone.example", Audiences.Sandbox, 61));
        using var later = await http.PostAsJsonAsync("/__mock/clock", new { advanceSeconds = 3 });
        using var login = await HubSession.LoginAtAsync(http, loginUrl, Assertion("new@standalone.example", Audiences.Sandbox, 64));
        var scratch = HubSession.WithToken(http, (await MockFixture.ReadJsonAsync(login)).GetProperty("access_token").GetString()!);
        byte[] zip = DeployZip.Settings("", "LightningExperience");
        using var deploy = await scratch.SendAsync(HttpMethod.Post, HubSession.Api + "/metadata/deployRequest", DeployZip.Request(zip));
        string deployId = (await MockFixture.ReadJsonAsync(deploy)).GetProperty("id").GetString()!;
        var deployed = await scratch.GetOkAsync($"{HubSession.Api}/metadata/deployRequest/{deployId}?includeDetails=true");
        byte[] kept = await http.GetByteArrayAsync($"/__mock/deploys/{deployId}/zip");
        var limits = await hub.LimitsAsync();
        using var shutdown = await http.PostAsync("/__mock/shutdown", content: null);

        Assert.Equal("New", creating.GetProperty("Status").GetString());
        Assert.Equal("Active", active.GetProperty("Status").GetString());
        Assert.Equal(mock.BaseUrl.Replace("127.0.0.1", "localhost"), loginUrl);
        await TokenEndpointTests.AssertOAuthErrorAsync(early, "invalid_grant", "user hasn't approved this consumer");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("Succeeded", deployed.GetProperty("deployResult").GetProperty("status").GetString());
        Assert.Equal(zip, kept);
        Assert.Equal(3, limits.GetProperty("ActiveScratchOrgs").GetProperty("Remaining").GetInt32());
        Assert.True(await mock.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the mock ignored the shutdown request");
    }
}
