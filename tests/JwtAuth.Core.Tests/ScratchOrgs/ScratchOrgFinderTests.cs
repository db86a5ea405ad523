using JwtAuth.Core.Model;
using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Core.Service;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;
using JwtAuth.Core.Tests.Mock;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>Get-SfScratchOrg's read: the hub's records, whether the hub's app can log in to each, and connecting them from another store.</summary>
public class ScratchOrgFinderTests
{
    [Fact]
    public async Task Active_orgs_are_listed_with_their_record_and_what_connecting_them_needs()
    {
        await using var h = await ScratchHarness.StartAsync(provisioning: TimeSpan.FromSeconds(2));
        await h.ConnectHubAsync();
        await h.CreateAsync(new ScratchOrgRequest { Count = 2, AliasPrefix = "feature" });

        var listing = await h.Scratch.ListAsync("HubOrg", null, false, _ => { }, _ => { }, CancellationToken.None);

        Assert.Equal(new[] { "feature1", "feature2" }, listing.Orgs.Select(o => o.Alias));
        foreach (var org in listing.Orgs)
        {
            var signup = h.Server.ScratchOrgs.FindByUsername(org.Username!)!;
            Assert.Equal(signup.Id, org.ScratchOrgInfoId);
            Assert.Equal(signup.Org!.InstanceUrl, org.LoginUrl);
            Assert.Equal(signup.Org.Id, org.OrgId);
            Assert.Equal(h.HubUser.Username, org.CreatedBy);
            Assert.Equal(h.HubUser.Username, org.DevHub);
            Assert.Equal(ScratchOrgStatus.Active, org.Status);
            Assert.Equal(signup.ExpirationDate.ToDateTime(TimeOnly.MinValue), org.ExpirationDate);
            Assert.Equal("https://test.salesforce.com", org.Audience);
            Assert.Equal(ScratchHarness.ClientId, org.ClientId);
            Assert.Equal(h.KeyFile, org.Key!.KeyFile);
            Assert.True(org.CanConnectByJwt);
            Assert.Null(org.CannotConnectReason);
            Assert.True(org.IsStoredHere);
        }
    }

    [Fact]
    public async Task Deleted_and_failed_orgs_show_only_with_All_and_a_username_selects_by_wildcard_or_names_a_missing_one()
    {
        await using var h = await ScratchHarness.StartAsync(provisioning: TimeSpan.FromSeconds(2));
        await h.ConnectHubAsync();
        h.Server.ScratchOrgs.Plan(new MockSalesforce.Scratch.ScratchOrgPlan { ErrorCode = "C-1016" });
        await h.CreateAsync(new ScratchOrgRequest { Count = 3 });
        var gone = h.Server.ScratchOrgs.All.First(s => s.Status == MockSalesforce.Scratch.ScratchOrgStatus.Active);
        gone.ExpiresAt = h.Server.Clock.UtcNow.AddSeconds(-1);

        var active = await h.Scratch.ListAsync(null, null, false, _ => { }, _ => { }, CancellationToken.None);
        var all = await h.Scratch.ListAsync(null, null, true, _ => { }, _ => { }, CancellationToken.None);
        var one = await h.Scratch.ListAsync(null, gone.SignupUsername!.Substring(0, 6) + "*", true, _ => { }, _ => { }, CancellationToken.None);
        var missing = await h.Scratch.ListAsync(null, "nobody@example.com", false, _ => { }, _ => { }, CancellationToken.None);

        Assert.Single(active.Orgs);
        Assert.Equal(3, all.Orgs.Count);
        Assert.Contains(all.Orgs, o => o.Status == ScratchOrgStatus.Error && o.ErrorCode == "C-1016" && !o.CanConnectByJwt && o.Key is null);
        var deleted = Assert.Single(all.Orgs, o => o.Status == ScratchOrgStatus.Deleted);
        Assert.False(deleted.CanConnectByJwt);
        Assert.Contains("Deleted", deleted.CannotConnectReason);
        Assert.Null(deleted.Key);
        Assert.Contains(one.Orgs, o => o.Username == gone.SignupUsername);
        Assert.Empty(missing.Orgs);
        var notFound = Assert.IsType<ScratchOrgException>(Assert.Single(missing.NotFound));
        Assert.Equal(ScratchOrgErrorIds.ScratchOrgNotFound, notFound.ErrorId);
        Assert.Equal("nobody@example.com", notFound.Target);
    }

    [Fact]
    public async Task Orgs_made_for_PlatformCLI_or_another_app_are_listed_as_not_connectable_by_JWT_with_the_reason()
    {
        await using var h = await ScratchHarness.StartAsync(provisioning: TimeSpan.Zero);
        await h.ConnectHubAsync();
        h.Server.Options.RequireConnectedAppFields = false;
        using var http = new HttpClient { BaseAddress = new Uri(h.Server.BaseUrl) };
        var session = HubSession.WithToken(http, h.Persisted.Find("HubOrg")!.Auth.AccessToken!);
        await session.InsertOkAsync(HubSession.Definition(username: "browser-made@example.com", consumerKey: null));
        var other = h.Server.AddConnectedApp("3MVG9otherApp", h.Keys.CertificatePem);
        await session.InsertOkAsync(HubSession.Definition(username: "other-app@example.com", consumerKey: other.ConsumerKey));

        var listing = await h.Scratch.ListAsync(null, null, false, _ => { }, _ => { }, CancellationToken.None);

        var browserMade = Assert.Single(listing.Orgs, o => o.Username == "browser-made@example.com");
        Assert.False(browserMade.CanConnectByJwt);
        Assert.Equal("PlatformCLI", browserMade.ClientId);
        Assert.Contains("PlatformCLI", browserMade.CannotConnectReason);
        Assert.Contains("sf org login web", browserMade.CannotConnectReason);
        var otherApp = Assert.Single(listing.Orgs, o => o.Username == "other-app@example.com");
        Assert.False(otherApp.CanConnectByJwt);
        Assert.Equal("3MVG9otherApp", otherApp.ClientId);
        Assert.Contains("another connected app", otherApp.CannotConnectReason);
        Assert.Null(otherApp.Key);
        Assert.False(otherApp.IsStoredHere);
    }

    [Fact]
    public async Task On_another_machine_with_only_the_hub_the_listing_is_enough_to_connect_every_org()
    {
        await using var h = await ScratchHarness.StartAsync(provisioning: TimeSpan.FromSeconds(2));
        await h.ConnectHubAsync();
        await h.CreateAsync(new ScratchOrgRequest { Count = 3 });
        // The other machine: a store of its own with just the Dev Hub.
        var otherStore = new OrgAuthStore(h.Folder.File("other-store"));
        var otherProcess = new ProcessOrgAuthStore();
        var otherAuths = new OrgAuthService(h.Client, otherStore, otherProcess, () => new SfCliPaths(h.Folder.File("other-home")));
        var otherScratch = new ScratchOrgService(h.Client, otherStore, otherProcess, () => new SfCliPaths(h.Folder.File("other-home")));
        var hubResults = new List<ConnectResult>();
        await otherAuths.ConnectAsync(new[]
        {
            new ConnectRequest { ClientId = ScratchHarness.ClientId, Username = h.HubUser.Username, LoginUrl = h.Server.BaseUrl, Alias = "HubOrg", Key = KeySource.FromFile(h.KeyFile, null) },
        }, 1, hubResults.Add, _ => { }, _ => { }, CancellationToken.None);

        var listing = await otherScratch.ListAsync("HubOrg", null, false, _ => { }, _ => { }, CancellationToken.None);
        // What Connect-SfOrgJwt binds by property name from each listed org, and nothing else.
        var requests = listing.Orgs.Select(o => new ConnectRequest
        {
            Username = o.Username!, ClientId = o.ClientId!, LoginUrl = o.LoginUrl!, Audience = o.Audience, Key = KeySource.FromFile(o.Key!.KeyFile!, null),
        }).ToList();
        var results = new List<ConnectResult>();
        await otherAuths.ConnectAsync(requests, 8, results.Add, _ => { }, _ => { }, CancellationToken.None);

        Assert.Equal(3, listing.Orgs.Count);
        Assert.All(listing.Orgs, o => Assert.False(o.IsStoredHere));
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(h.Server.ScratchOrgs.All.Select(s => s.SignupUsername).OrderBy(u => u),
            otherStore.ReadAll().Auths.Where(a => a.Auth.OrgType == OrgType.Scratch).Select(a => a.Username).OrderBy(u => u));
    }
}
