using MockSalesforce;
using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Core.SfCli;
using MockSalesforce.Faults;
using MockStatus = MockSalesforce.Scratch.ScratchOrgStatus;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>Remove-SfScratchOrg's work: the ActiveScratchOrg found by SignupUsername on the org's hub, deleted, and the local auth forgotten.</summary>
public class ScratchOrgRemoverTests
{
    [Fact]
    public async Task An_org_is_found_on_the_hub_it_was_created_from_deleted_there_and_forgotten_here()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        await h.ConnectHubAsync();
        await h.CreateAsync(new ScratchOrgRequest { Alias = "feature", SetDefault = true, RegisterWithSfCli = true });
        var signup = Assert.Single(h.Server.ScratchOrgs.All);
        // Another Dev Hub is the default now: the org's own hub is still the one asked.
        var otherHub = h.Server.AddUser(h.Server.AddOrg(MockSalesforce.Model.OrgKind.DevHub), "other-hub@example.com", h.App);
        await h.ConnectHubAsync(alias: "OtherHub", username: otherHub.Username);
        Assert.Equal(otherHub.Username, h.Persisted.ReadAll().DefaultDevHubUsername);
        var remover = h.Scratch.StartRemoval();

        var deletion = await remover.PrepareAsync("feature", null, includeSfCli: true, _ => { }, _ => { }, CancellationToken.None);
        var deleted = await remover.DeleteAsync(deletion, CancellationToken.None);

        Assert.Equal(signup.ActiveScratchOrgId, deletion.ActiveScratchOrgId);
        Assert.Equal(signup.SignupUsername, deletion.Username);
        Assert.True(deletion.IsStoredHere);
        Assert.True(deletion.IsInSfCli);
        Assert.True(deleted);
        Assert.Equal(h.HubUser.Username, deletion.DevHub);
        Assert.Equal(MockStatus.Deleted, signup.Status);
        Assert.Contains(h.Server.Requests, r => r.Method == "DELETE" && r.Path.EndsWith("/sobjects/ActiveScratchOrg/" + signup.ActiveScratchOrgId, StringComparison.Ordinal));
        Assert.Null(h.Persisted.Find(signup.SignupUsername!));
        Assert.Null(h.Persisted.Find("feature"));
        Assert.Null(h.Persisted.ReadAll().DefaultUsername);
        Assert.Null(new SfCliAuthReader(h.CliPaths()).Find(signup.SignupUsername!));
    }

    [Fact]
    public async Task Preparing_changes_nothing()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        await h.ConnectHubAsync();
        await h.CreateAsync(new ScratchOrgRequest { Alias = "feature" });

        var deletion = await h.Scratch.StartRemoval().PrepareAsync("feature", null, false, _ => { }, _ => { }, CancellationToken.None);

        Assert.True(deletion.HasWork);
        Assert.Contains("Delete the scratch org in Dev Hub", deletion.Action);
        Assert.Equal(MockStatus.Active, Assert.Single(h.Server.ScratchOrgs.All).Status);
        Assert.NotNull(h.Persisted.Find("feature"));
        Assert.DoesNotContain(h.Server.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task An_org_that_already_expired_has_no_record_to_delete_and_its_local_auth_is_still_forgotten()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        await h.ConnectHubAsync();
        await h.CreateAsync(new ScratchOrgRequest { Alias = "feature" });
        var signup = Assert.Single(h.Server.ScratchOrgs.All);
        signup.ExpiresAt = h.Server.Clock.UtcNow.AddSeconds(-1);
        var remover = h.Scratch.StartRemoval();

        var deletion = await remover.PrepareAsync(signup.SignupUsername!, null, false, _ => { }, _ => { }, CancellationToken.None);
        var deleted = await remover.DeleteAsync(deletion, CancellationToken.None);

        Assert.Null(deletion.ActiveScratchOrgId);
        Assert.True(deletion.HasWork);
        Assert.Contains("expired", deletion.GoneMessage);
        Assert.Contains("forgotten", deletion.GoneMessage);
        Assert.False(deleted);
        Assert.Null(h.Persisted.Find("feature"));
        Assert.DoesNotContain(h.Server.Requests, r => r.Method == "DELETE");
    }

    [Theory]
    [InlineData("INVALID_TYPE", 400)]
    [InlineData("INSUFFICIENT_ACCESS_OR_READONLY", 403)]
    public async Task A_hub_user_who_may_not_delete_scratch_orgs_gets_an_error_saying_so_and_the_org_stays(string code, int status)
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        await h.ConnectHubAsync();
        await h.CreateAsync(new ScratchOrgRequest { Alias = "feature" });
        var signup = Assert.Single(h.Server.ScratchOrgs.All);
        var remover = h.Scratch.StartRemoval();
        var deletion = await remover.PrepareAsync("feature", null, false, _ => { }, _ => { }, CancellationToken.None);
        h.Server.Faults.Enqueue(Fault.Status(status, count: 1, path: "/services/data/v65.0/sobjects/ActiveScratchOrg/*",
            body: $$"""[{"message":"no access to ActiveScratchOrg","errorCode":"{{code}}"}]"""));

        var error = await Assert.ThrowsAsync<ScratchOrgException>(() => remover.DeleteAsync(deletion, CancellationToken.None));

        Assert.Equal(ScratchOrgErrorIds.ScratchOrgDeleteNotPermitted, error.ErrorId);
        Assert.Equal(code, error.ErrorCode);
        Assert.Contains("may not delete scratch orgs", error.Message);
        Assert.Equal(signup.SignupUsername, error.Target);
        Assert.Equal(MockStatus.Active, signup.Status);
        Assert.NotNull(h.Persisted.Find("feature"));
    }

    [Fact]
    public async Task A_stored_org_that_is_not_a_scratch_org_is_never_deleted()
    {
        await using var h = await ServiceFixture.StartAsync();
        await h.ConnectHubAsync();
        h.Server.ClearRequests();

        var error = await Assert.ThrowsAsync<ScratchOrgException>(() =>
            h.Scratch.StartRemoval().PrepareAsync("HubOrg", null, false, _ => { }, _ => { }, CancellationToken.None));

        Assert.Equal(ScratchOrgErrorIds.NotAScratchOrg, error.ErrorId);
        Assert.Contains("Disconnect-SfOrg", error.Fix);
        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task A_name_that_is_neither_a_stored_alias_nor_a_username_is_ScratchOrgNotFound()
    {
        await using var h = await ServiceFixture.StartAsync();
        await h.ConnectHubAsync();

        var error = await Assert.ThrowsAsync<ScratchOrgException>(() =>
            h.Scratch.StartRemoval().PrepareAsync("nosuchalias", null, false, _ => { }, _ => { }, CancellationToken.None));

        Assert.Equal(ScratchOrgErrorIds.ScratchOrgNotFound, error.ErrorId);
        Assert.Equal("nosuchalias", error.Target);
    }
}
