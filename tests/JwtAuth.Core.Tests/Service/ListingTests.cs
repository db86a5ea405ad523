using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Service;

public class ListingTests
{
    [Fact]
    public async Task Names_match_aliases_and_usernames_with_wildcards_and_unknown_names_are_reported()
    {
        await using var h = await ServiceFixture.StartAsync();
        var results = await h.ConnectAsync(new[] { h.ConnectRequest(h.AddUser(OrgKind.DevHub).Username, alias: "HubOrg"), h.ConnectRequest(h.AddUser(OrgKind.Production).Username, alias: "Prod") }, 2);
        Assert.All(results, r => Assert.Null(r.Error));

        Assert.Equal(2, h.Service.List(null, false, false).Auths.Count);
        Assert.Equal("HubOrg", Assert.Single(h.Service.List(new[] { "hub*" }, false, false).Auths).Auth.Alias);
        var byUsername = results.Single(r => r.View!.Auth.Alias == "Prod").Username;
        Assert.Equal("Prod", Assert.Single(h.Service.List(new[] { byUsername }, false, false).Auths).Auth.Alias);

        var none = h.Service.List(new[] { "nosuch", "zz*" }, false, false);
        Assert.Empty(none.Auths);
        Assert.Equal(new object[] { "nosuch" }, none.NotFound.Select(e => e.Target));
    }

    [Fact]
    public async Task Remove_forgets_the_org_in_both_scopes()
    {
        await using var h = await ServiceFixture.StartAsync();
        var user = h.AddUser(OrgKind.Production).Username;
        var persisted = h.ConnectRequest(user, alias: "Prod");
        var process = h.ConnectRequest(user, alias: "Prod");
        process.ProcessScope = true;
        await h.ConnectAsync(persisted);
        await h.ConnectAsync(process);

        Assert.Equal(new[] { user }, h.Service.ResolveForRemoval("Prod", includeSfCli: false));
        h.Service.Remove(user, includeSfCli: false);

        Assert.Empty(h.Service.List(null, false, false).Auths);
        Assert.Empty(h.Service.CompletionNames());
    }
}
