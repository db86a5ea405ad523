using System.Net;
using System.Net.Http.Json;
using MockSalesforce.Faults;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Mock;

public class ScratchOrgControlApiTests
{
    [Fact]
    public async Task SetupJsonConfiguresOptionsHubLimitsPlansAndDeployFailures()
    {
        await using var mock = await MockFixture.StartAsync();
        using var setup = await mock.Http.PostAsJsonAsync("/__mock/setup", new
        {
            options = new { scratchOrgProvisioningSeconds = 60, replicationDelaySeconds = 30, deploySeconds = 0 },
            apps = new[] { new { consumerKey = "KEY-CTL", certificatePem = mock.Keys.CertificatePem } },
            orgs = new[] { new { kind = "DevHub", name = "CtlHub", activeScratchOrgs = 5, dailyScratchOrgs = 7 } },
            users = new[] { new { username = "ctl@example.com", org = "CtlHub", preAuthorizedFor = new[] { "KEY-CTL" } } },
            scratchOrgPlans = new[] { new { username = "fails@example.com", errorCode = "C-1016" } },
            deployFailures = new[] { new { fileName = "settings/Security.settings", problem = "Security: nope" } },
        });
        using var token = await mock.PostTokenAsync(HandMadeAssertion.Claims("KEY-CTL", "ctl@example.com", Audiences.Production));
        var hub = HubSession.WithToken(mock.Http, (await MockFixture.ReadJsonAsync(token)).GetProperty("access_token").GetString()!);

        var limits = await hub.LimitsAsync();
        await hub.InsertOkAsync(HubSession.Definition("fails@example.com", consumerKey: "KEY-CTL"));
        string ok = await hub.InsertOkAsync(HubSession.Definition("ok@example.com", consumerKey: "KEY-CTL"));
        var listedEarly = await MockFixture.ReadJsonAsync(await mock.Http.GetAsync("/__mock/scratch-orgs"));
        using var clock = await mock.Http.PostAsJsonAsync("/__mock/clock", new { advanceSeconds = 61 });
        var listedLater = await MockFixture.ReadJsonAsync(await mock.Http.GetAsync("/__mock/scratch-orgs"));
        var state = await MockFixture.ReadJsonAsync(await mock.Http.GetAsync("/__mock/state"));

        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Equal(5, limits.GetProperty("ActiveScratchOrgs").GetProperty("Max").GetInt32());
        Assert.Equal(7, limits.GetProperty("DailyScratchOrgs").GetProperty("Max").GetInt32());
        Assert.Equal(new[] { "New", "New" }, listedEarly.EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(new[] { "Error", "Active" }, listedLater.EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        Assert.Equal("C-1016", listedLater[0].GetProperty("errorCode").GetString());
        var active = listedLater[1];
        Assert.Equal(ok, active.GetProperty("id").GetString());
        Assert.Equal(active.GetProperty("readyAt").GetDateTimeOffset().AddSeconds(30), active.GetProperty("adminReplicatesAt").GetDateTimeOffset());
        Assert.Equal(60, state.GetProperty("options").GetProperty("scratchOrgProvisioningSeconds").GetDouble());
        Assert.Single(state.GetProperty("pendingDeployFailures").EnumerateArray());
        Assert.Empty(state.GetProperty("pendingScratchOrgPlans").EnumerateArray());
    }

    [Fact]
    public async Task PlansOptionsAndRecordPatchesOverHttpChangeWhatComesNext()
    {
        await using var mock = await MockFixture.StartAsync();
        using var options = await mock.Http.PostAsJsonAsync("/__mock/options", new { scratchOrgProvisioningSeconds = 600 });
        using var plan = await mock.Http.PostAsJsonAsync("/__mock/scratch-org-plans", new { provisioningSeconds = 5, count = 1 });
        var hub = await HubSession.LoginAsync(mock);
        string quick = await hub.InsertOkAsync(HubSession.Definition("quick@example.com"));
        string slow = await hub.InsertOkAsync(HubSession.Definition("slow@example.com"));
        mock.Server.Clock.Advance(TimeSpan.FromSeconds(10));

        var quickInfo = await hub.GetInfoAsync(quick);
        var slowInfo = await hub.GetInfoAsync(slow);
        using var patch = await mock.Http.PatchAsJsonAsync($"/__mock/scratch-orgs/{slow}", new { readyInSeconds = 0, errorCode = "C-1015" });
        var patched = await hub.GetInfoAsync(slow);
        using var badPatch = await mock.Http.PatchAsJsonAsync("/__mock/orgs/Sandbox", new { activeScratchOrgs = 1 });

        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.Equal("Active", quickInfo.GetProperty("Status").GetString());
        Assert.Equal("New", slowInfo.GetProperty("Status").GetString());
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("Error", patched.GetProperty("Status").GetString());
        Assert.Equal("C-1015", patched.GetProperty("ErrorCode").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badPatch.StatusCode);
    }

    [Fact]
    public async Task FaultsAndTheRequestLogCoverTheNewResources()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Faults.Enqueue(Fault.Status(503, path: HubSession.Api + "/sobjects/ScratchOrgInfo"));
        mock.Server.Faults.Enqueue(Fault.Delay(50, path: HubSession.Api + "/metadata/deployRequest"));
        var hub = await HubSession.LoginAsync(mock);

        using var faulted = await hub.InsertAsync(HubSession.Definition("faulted@example.com"));
        string id = await hub.InsertOkAsync(HubSession.Definition("faulted@example.com"));
        using var deploy = await hub.SendAsync(HttpMethod.Post, HubSession.Api + "/metadata/deployRequest", DeployZip.Request(DeployZip.Settings("", "Security")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal(id, Assert.Single(mock.Server.ScratchOrgs.All).Id);
        var inserts = mock.Server.Requests.Where(r => r.Path == HubSession.Api + "/sobjects/ScratchOrgInfo").ToArray();
        Assert.Equal(new[] { 503, 201 }, inserts.Select(r => r.StatusCode));
        Assert.Equal(new[] { "Status" }, inserts[0].Faults);
        Assert.Contains("faulted@example.com", inserts[1].Body);
        Assert.True(inserts[1].HadAuthorization);
        Assert.Equal(HttpStatusCode.Created, deploy.StatusCode);
        Assert.Equal(new[] { "Delay" }, mock.Server.Requests.Last().Faults);
    }
}
