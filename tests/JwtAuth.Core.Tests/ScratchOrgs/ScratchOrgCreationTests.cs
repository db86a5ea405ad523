using MockSalesforce;
using System.Text.Json;
using JwtAuth.Core.Model;
using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Core.Service;
using JwtAuth.Core.Store;
using MockSalesforce.Faults;
using ScratchOrgPlan = MockSalesforce.Scratch.ScratchOrgPlan;
using ScratchOrgStatus = MockSalesforce.Scratch.ScratchOrgStatus;
using ScratchOrgRequest = JwtAuth.Core.ScratchOrgs.ScratchOrgRequest;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>New-SfScratchOrg's run against the mock Dev Hub: what is inserted, stored and reported, and what is refused before any call.</summary>
public class ScratchOrgCreationTests
{
    [Fact]
    public async Task The_insert_is_the_definition_with_the_hubs_client_id_and_callback_and_the_duration()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        await h.ConnectHubAsync();
        var file = h.Folder.File("project-scratch-def.json");
        File.WriteAllText(file, """{"orgName":"Acme","edition":"Enterprise","features":["API","AuthorApex"],"hasSampleData":true}""");

        var run = await h.CreateAsync(new ScratchOrgRequest { DefinitionFile = file, DurationDays = 3 });

        Assert.Single(run.Succeeded);
        var body = JsonDocument.Parse(Assert.Single(h.Inserts()).Body!).RootElement;
        Assert.Equal("Acme", body.GetProperty("OrgName").GetString());
        Assert.Equal("Enterprise", body.GetProperty("Edition").GetString());
        Assert.Equal("API;AuthorApex", body.GetProperty("Features").GetString());
        Assert.True(body.GetProperty("HasSampleData").GetBoolean());
        Assert.Equal(3, body.GetProperty("DurationDays").GetInt32());
        Assert.Equal(MockFixture.ClientId, body.GetProperty("ConnectedAppConsumerKey").GetString());
        Assert.Equal("http://localhost:1717/OauthRedirect", body.GetProperty("ConnectedAppCallbackUrl").GetString());
        var signup = Assert.Single(h.Server.ScratchOrgs.All);
        Assert.Equal(h.HubUser, signup.CreatedBy);
    }

    [Fact]
    public async Task Without_a_file_the_edition_is_enough_and_the_duration_is_seven_days()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        await h.ConnectHubAsync();

        await h.CreateAsync(new ScratchOrgRequest());

        var body = JsonDocument.Parse(Assert.Single(h.Inserts()).Body!).RootElement;
        Assert.Equal("Developer", body.GetProperty("Edition").GetString());
        Assert.Equal("Company", body.GetProperty("OrgName").GetString());
        Assert.Equal(7, body.GetProperty("DurationDays").GetInt32());
    }

    [Fact]
    public async Task Each_org_is_logged_in_to_at_its_LoginUrl_as_its_signup_user_and_stored_as_a_scratch_org_of_its_hub()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        await h.ConnectHubAsync();
        h.Server.ClearRequests();

        var run = await h.CreateAsync(new ScratchOrgRequest { Alias = "feature", SetDefault = true });

        var org = Assert.Single(run.Succeeded).Org!;
        var signup = Assert.Single(h.Server.ScratchOrgs.All);
        var login = Assert.Single(h.Server.TokenRequests);
        Assert.Equal(new Uri(signup.Org!.InstanceUrl).Authority, login.Host);
        Assert.Equal(signup.SignupUsername, login.Assertion!.ClaimString("sub"));
        Assert.Equal("https://test.salesforce.com", login.Assertion.ClaimString("aud"));
        Assert.Equal(MockFixture.ClientId, login.Assertion.ClaimString("iss"));

        var stored = h.Persisted.Find("feature")!;
        Assert.Equal(signup.SignupUsername, stored.Username);
        Assert.True(stored.IsDefault);
        Assert.Equal(OrgType.Scratch, stored.Auth.OrgType);
        Assert.Equal(signup.Org.Id, stored.Auth.OrgId);
        Assert.Equal(signup.Org.InstanceUrl, stored.Auth.LoginUrl);
        Assert.Equal("https://test.salesforce.com", stored.Auth.Audience);
        Assert.Equal(MockFixture.ClientId, stored.Auth.ClientId);
        Assert.Equal(h.KeyFile, stored.Auth.Key.KeyFile);
        Assert.Equal(h.HubUser.Username, stored.Auth.ScratchOrg!.DevHubUsername);
        Assert.Equal(signup.Id, stored.Auth.ScratchOrg.ScratchOrgInfoId);
        Assert.Equal(signup.ExpirationDate.ToDateTime(TimeOnly.MinValue), stored.Auth.ScratchOrg.ExpirationDate);
        Assert.True(await h.LoginClient.IsTokenValidAsync(stored.Auth.InstanceUrl, stored.Auth.AccessToken!));

        // What is written describes what was stored.
        Assert.Equal(stored.Username, org.Username);
        Assert.Equal(stored.Auth.OrgId, org.OrgId);
        Assert.Equal("feature", org.Alias);
        Assert.Equal(signup.Id, org.ScratchOrgInfoId);
        Assert.Equal(h.HubUser.Username, org.DevHub);
        Assert.True(org.CanConnectByJwt);
        Assert.True(org.IsStoredHere);
    }

    [Fact]
    public async Task Progress_goes_through_requested_creating_active_and_connected_for_the_whole_run()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(8) });
        await h.ConnectHubAsync();

        var run = await h.CreateAsync(new ScratchOrgRequest { Count = 3 });

        var progress = run.Progress.ToList();
        Assert.All(progress, p => Assert.Equal(3, p.Total));
        Assert.Contains(progress, p => p.Requested == 3 && p.Creating == 3 && p.Active == 0);
        // Each org is reported Active before it is reported connected (under load the three need not be Active in one round).
        Assert.Contains(progress, p => p.Active > p.Connected);
        Assert.Equal(progress.Select(p => p.Active).OrderBy(n => n), progress.Select(p => p.Active));
        var last = progress.Last();
        Assert.Equal((3, 3, 3, 3, 0, 100), (last.Requested, last.Creating, last.Active, last.Connected, last.Failed, last.PercentComplete));
        Assert.Equal(progress.Select(p => p.PercentComplete).OrderBy(p => p), progress.Select(p => p.PercentComplete));
    }

    [Fact]
    public async Task Before_inserting_anything_the_hubs_limits_are_read_and_a_count_above_what_remains_creates_nothing()
    {
        await using var h = await ServiceFixture.StartAsync();
        await h.ConnectHubAsync();
        h.HubOrg.ActiveScratchOrgLimit = 3;
        h.Server.ClearRequests();

        var error = await Assert.ThrowsAsync<ScratchOrgException>(() => h.CreateAsync(new ScratchOrgRequest { Count = 5 }));

        Assert.Equal(ScratchOrgErrorIds.ScratchOrgLimitExceeded, error.ErrorId);
        Assert.Contains("ActiveScratchOrgs: 3 of 3 left", error.Message);
        Assert.Contains("-Count", error.Fix);
        Assert.Empty(h.Inserts());
        Assert.Empty(h.Server.ScratchOrgs.All);
        Assert.Contains(h.Server.Requests, r => r.Path.EndsWith("/limits", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("alias", ScratchOrgErrorIds.AliasNeedsOneOrg)]
    [InlineData("default", ScratchOrgErrorIds.SetDefaultNeedsOneOrg)]
    [InlineData("count", ScratchOrgErrorIds.CountOutOfRange)]
    [InlineData("both", ScratchOrgErrorIds.AliasAndAliasPrefix)]
    public async Task Requests_that_cannot_be_right_are_refused_before_any_call(string what, string errorId)
    {
        await using var h = await ServiceFixture.StartAsync();
        await h.ConnectHubAsync();
        h.Server.ClearRequests();
        var request = what switch
        {
            "alias" => new ScratchOrgRequest { Count = 2, Alias = "feature" },
            "default" => new ScratchOrgRequest { Count = 2, SetDefault = true },
            "count" => new ScratchOrgRequest { Count = 101 },
            _ => new ScratchOrgRequest { Alias = "a", AliasPrefix = "b" },
        };

        var error = Assert.Throws<ScratchOrgException>(() => { h.Scratch.Prepare(request); });

        Assert.Equal(errorId, error.ErrorId);
        Assert.False(string.IsNullOrEmpty(error.Fix));
        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task A_definition_username_with_several_orgs_is_refused_before_any_call()
    {
        await using var h = await ServiceFixture.StartAsync();
        await h.ConnectHubAsync();
        var file = h.Folder.File("def.json");
        File.WriteAllText(file, """{"edition":"Developer","username":"one@example.com"}""");
        h.Server.ClearRequests();

        var error = Assert.Throws<ScratchOrgException>(() => h.Scratch.Prepare(new ScratchOrgRequest { DefinitionFile = file, Count = 2 }));

        Assert.Equal(ScratchOrgErrorIds.UsernameNeedsOneOrg, error.ErrorId);
        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task A_bad_definition_file_is_the_readers_error_before_any_call()
    {
        await using var h = await ServiceFixture.StartAsync();
        await h.ConnectHubAsync();
        var file = h.Folder.File("def.json");
        File.WriteAllText(file, """{"Edition":"Developer"}""");
        h.Server.ClearRequests();

        var casing = Assert.Throws<ScratchOrgDefinitionException>(() => h.Scratch.Prepare(new ScratchOrgRequest { DefinitionFile = file }));
        var missing = Assert.Throws<ScratchOrgDefinitionException>(() => h.Scratch.Prepare(new ScratchOrgRequest { DefinitionFile = file + ".nope" }));

        Assert.Equal(ScratchOrgDefinitionErrorIds.DefinitionFileInvalidCasing, casing.ErrorId);
        Assert.Equal(ScratchOrgDefinitionErrorIds.DefinitionFileNotFound, missing.ErrorId);
        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task The_default_Dev_Hub_is_used_when_none_is_named_and_its_absence_is_NoDefaultDevHub()
    {
        await using var h = await ServiceFixture.StartAsync();

        var none = Assert.Throws<StoreException>(() => h.Scratch.Prepare(new ScratchOrgRequest()));
        await h.ConnectHubAsync();
        var plan = h.Scratch.Prepare(new ScratchOrgRequest());

        Assert.Equal(StoreErrorIds.NoDefaultDevHub, none.ErrorId);
        Assert.Contains("-SetDefaultDevHub", none.Fix);
        Assert.Equal(h.HubUser.Username, plan.DevHub.Username);
        Assert.Equal("HubOrg", plan.DevHubName);
    }

    [Fact]
    public async Task A_DevHub_that_is_not_stored_or_not_a_Dev_Hub_is_refused_before_any_call()
    {
        await using var h = await ServiceFixture.StartAsync();
        var production = h.Server.AddUser(h.Server.AddOrg(MockSalesforce.Model.OrgKind.Production), "prod@example.com", h.App);
        var results = new List<ConnectResult>();
        await h.Service.ConnectAsync(new[]
        {
            new ConnectRequest { ClientId = MockFixture.ClientId, Username = production.Username, LoginUrl = h.Server.BaseUrl, Alias = "Prod", Key = KeySource.FromFile(h.KeyFile, null) },
        }, 1, results.Add, _ => { }, _ => { }, CancellationToken.None);
        h.Server.ClearRequests();

        var unknown = Assert.Throws<ScratchOrgException>(() => h.Scratch.Prepare(new ScratchOrgRequest { DevHub = "NoSuchHub" }));
        var notHub = Assert.Throws<ScratchOrgException>(() => h.Scratch.Prepare(new ScratchOrgRequest { DevHub = "Prod" }));

        Assert.Equal(ScratchOrgErrorIds.DevHubNotFound, unknown.ErrorId);
        Assert.Equal("NoSuchHub", unknown.Target);
        Assert.Equal(ScratchOrgErrorIds.NotADevHub, notHub.ErrorId);
        Assert.Contains("Production", notHub.Message);
        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task An_org_whose_signup_ends_in_C_1016_is_its_own_error_with_the_fix_and_the_others_go_on()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(3) });
        await h.ConnectHubAsync();
        h.Server.ScratchOrgs.Plan(new ScratchOrgPlan { ErrorCode = "C-1016" });

        var run = await h.CreateAsync(new ScratchOrgRequest { Count = 5, AliasPrefix = "feature" });

        Assert.Equal(4, run.Succeeded.Count);
        var failed = Assert.Single(run.Failed);
        var error = Assert.IsType<ScratchOrgException>(failed.Error);
        Assert.Equal(ScratchOrgErrorIds.ScratchOrgSignupFailed, error.ErrorId);
        Assert.Equal("C-1016", error.ErrorCode);
        Assert.Contains("External Client App", error.Message);
        Assert.Contains("connected app", error.Fix);
        var failedRecord = h.Server.ScratchOrgs.All.Single(s => s.Status == ScratchOrgStatus.Error);
        Assert.Equal(failedRecord.Id, error.ScratchOrgInfoId);
        Assert.Null(failed.Org);
        Assert.Equal(4, h.Persisted.ReadAll().Auths.Count(a => a.Auth.OrgType == OrgType.Scratch));
        Assert.Equal(1, run.Progress.Last().Failed);
    }

    [Fact]
    public async Task A_refused_insert_shows_Salesforces_code_and_message_and_the_inserts_not_yet_sent_are_not_sent()
    {
        await using var h = await ServiceFixture.StartAsync();
        await h.ConnectHubAsync();

        var run = await h.CreateAsync(new ScratchOrgRequest { Edition = "Ultimate", Count = 4, ThrottleLimit = 1 });

        var refused = Assert.IsType<ScratchOrgException>(Assert.Single(run.Failed).Error);
        Assert.Equal(ScratchOrgErrorIds.ScratchOrgRequestRefused, refused.ErrorId);
        Assert.Equal("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", refused.ErrorCode);
        Assert.Contains("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: Edition: bad value for restricted picklist field: Ultimate", refused.Message);
        Assert.Contains("Developer", refused.Fix);
        Assert.Single(h.Inserts());
        var skipped = Assert.IsType<ScratchOrgException>(Assert.Single(run.Errors));
        Assert.Equal(ScratchOrgErrorIds.ScratchOrgsNotRequested, skipped.ErrorId);
        Assert.Contains("3 of the 4", skipped.Message);
        Assert.Equal(3, run.Run.Orgs.Count(o => o.Stage == ScratchOrgStage.NotRequested));
    }

    [Fact]
    public async Task LIMIT_EXCEEDED_at_the_insert_is_shown_with_its_code_and_message_and_what_to_do()
    {
        await using var h = await ServiceFixture.StartAsync();
        await h.ConnectHubAsync();
        // Another client took the last org between the limits check and the insert: Salesforce's answer, as the mock gives it.
        h.Server.Faults.Enqueue(Fault.Status(400, count: 1, path: "/services/data/v65.0/sobjects/ScratchOrgInfo",
            body: """[{"message":"The signup request failed because this organization has reached its active scratch org limit","errorCode":"LIMIT_EXCEEDED","fields":[]}]"""));

        var run = await h.CreateAsync(new ScratchOrgRequest { Count = 2, ThrottleLimit = 1 });

        var refused = Assert.IsType<ScratchOrgException>(Assert.Single(run.Failed).Error);
        Assert.Equal(ScratchOrgErrorIds.ScratchOrgRequestRefused, refused.ErrorId);
        Assert.Equal("LIMIT_EXCEEDED", refused.ErrorCode);
        Assert.Contains("LIMIT_EXCEEDED: The signup request failed because this organization has reached its active scratch org limit", refused.Message);
        Assert.Contains("Remove-SfScratchOrg", refused.Fix);
        Assert.Equal(ScratchOrgErrorIds.ScratchOrgsNotRequested, Assert.IsType<ScratchOrgException>(Assert.Single(run.Errors)).ErrorId);
        Assert.Empty(h.Server.ScratchOrgs.All);
    }
}
