using JwtAuth.Core.OrgApi;
using JwtAuth.Core.Tests.Login;
using MockSalesforce.Model;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.OrgApi;

/// <summary>
/// The org API end to end against the mock's Dev Hub resources, as the coming scratch-org cmdlets will use it:
/// ScratchOrgInfo insert and read, ActiveScratchOrg query and delete, the limits they move, and a settings deploy.
/// </summary>
public class MockDevHubTests
{
    [Fact]
    public async Task A_scratch_org_is_created_found_and_deleted_through_the_org_api()
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await mock.SignInAsync(OrgKind.DevHub);
        hub.User.Org.DailyScratchOrgLimit = 6;
        const string username = "new-scratch@example.com";

        var id = await hub.Api.InsertAsync("ScratchOrgInfo", new JObject
        {
            ["Edition"] = "Developer",
            ["DurationDays"] = 1,
            ["Username"] = username,
            ["ConnectedAppConsumerKey"] = MockFixture.ClientId,
            ["ConnectedAppCallbackUrl"] = "http://localhost:1717/OauthRedirect",
        });
        var signup = await hub.Api.GetAsync("ScratchOrgInfo", id, new[] { "Status", "SignupUsername", "LoginUrl" });
        var active = Assert.Single(await hub.Api.QueryAsync($"SELECT Id, SignupUsername FROM ActiveScratchOrg WHERE SignupUsername = '{username}'"));
        var limits = await hub.Api.GetLimitsAsync();
        await hub.Api.DeleteAsync("ActiveScratchOrg", (string)active["Id"]!);
        var again = await Assert.ThrowsAsync<OrgApiException>(() => hub.Api.DeleteAsync("ActiveScratchOrg", (string)active["Id"]!));

        Assert.Equal(18, id.Length);
        Assert.Equal("Active", (string?)signup["Status"]);
        Assert.Equal(username, (string?)signup["SignupUsername"]);
        Assert.False(string.IsNullOrEmpty((string?)signup["LoginUrl"]));
        Assert.Equal(5, limits["DailyScratchOrgs"].Remaining);
        Assert.Equal("NotFound", again.ErrorId);
        Assert.Equal("ENTITY_IS_DELETED", again.ErrorCode);
        Assert.Equal("Deleted", (string?)(await hub.Api.GetAsync("ScratchOrgInfo", id, new[] { "Status" }))["Status"]);
    }

    [Fact]
    public async Task The_mock_refuses_a_bad_edition_with_the_field_named()
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await mock.SignInAsync(OrgKind.DevHub);

        var ex = await Assert.ThrowsAsync<OrgApiException>(() => hub.Api.InsertAsync("ScratchOrgInfo", new JObject
        {
            ["Edition"] = "partner-developer",
            ["ConnectedAppConsumerKey"] = MockFixture.ClientId,
            ["ConnectedAppCallbackUrl"] = "http://localhost:1717/OauthRedirect",
        }));

        Assert.Equal("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", ex.ErrorCode);
        Assert.Equal(new[] { "Edition" }, ex.Fields);
        Assert.Equal(400, ex.StatusCode);
    }

    [Fact]
    public async Task A_settings_deploy_is_read_by_the_mock_as_sent_and_polled_until_it_finishes()
    {
        await using var mock = await MockFixture.StartAsync();
        var org = await mock.SignInAsync(OrgKind.Scratch);
        mock.Server.Options.DeployDuration = TimeSpan.FromSeconds(10);
        mock.Delays.OnWait = wait => mock.Server.Clock.Advance(wait);
        var zip = SettingsZip.Create();
        var seen = new List<DeployStatus>();

        var result = await org.Api.DeployAsync(zip, new JObject { ["singlePackage"] = true }, new DeployPolling(TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(1)),
            new SyncProgress<DeployResult>(r => seen.Add(r.Status)));

        Assert.Equal(DeployStatus.Succeeded, result.Status);
        Assert.True(result.Success);
        Assert.Empty(result.ComponentFailures);
        Assert.Equal(DeployStatus.Pending, seen[0]);
        Assert.Contains(DeployStatus.InProgress, seen);
        var kept = Assert.Single(mock.Server.Deploys.All);
        Assert.Equal(result.Id, kept.Id);
        Assert.Equal(zip, kept.Zip);
        Assert.Equal("deploy.zip", kept.ZipFileName);
        Assert.Contains(SettingsZip.SettingsFile, kept.EntryNames);
    }

    [Fact]
    public async Task A_deploy_missing_a_named_file_fails_with_that_component()
    {
        await using var mock = await MockFixture.StartAsync();
        var org = await mock.SignInAsync(OrgKind.Scratch);

        var result = await org.Api.DeployAsync(SettingsZip.Create(withSettingsFile: false), null, new DeployPolling(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)));

        Assert.Equal(DeployStatus.Failed, result.Status);
        var failure = Assert.Single(result.ComponentFailures);
        Assert.Equal("Settings", failure.ComponentType);
        Assert.Equal("LightningExperience", failure.FullName);
        Assert.Contains("not found in zipped directory", failure.Problem);
    }
}
