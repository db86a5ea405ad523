using JwtAuth.Core.Errors;
using JwtAuth.Core.Service;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Service;

/// <summary>What a connect refuses, and that a refused request stores nothing.</summary>
public class ConnectRefusalTests
{
    public static TheoryData<string, string> Conflicts => new()
    {
        { "alias", "DuplicateAlias" },
        { "default", "DuplicateDefault" },
        { "default Dev Hub", "DuplicateDefault" },
        { "username", "DuplicateUsername" },
    };

    // Which org would keep the alias or mark would depend on which login finished last.
    [Theory]
    [MemberData(nameof(Conflicts))]
    public async Task Requests_of_one_run_that_ask_for_the_same_alias_mark_or_org_are_refused_before_login(string conflict, string errorId)
    {
        await using var h = await ServiceHarness.StartAsync();
        var hubs = new[] { h.AddUser(OrgKind.DevHub), h.AddUser(OrgKind.DevHub) };
        var requests = hubs.Select(u => h.Request(u, alias: "alias-of-" + u)).Append(h.Request(h.AddUser(OrgKind.DevHub), alias: "bystander")).ToList();
        switch (conflict)
        {
            case "alias": requests[0].Alias = requests[1].Alias = "same"; break;
            case "default": requests[0].SetDefault = requests[1].SetDefault = true; break;
            case "default Dev Hub": requests[0].SetDefaultDevHub = requests[1].SetDefaultDevHub = true; break;
            case "username": requests[1].Username = requests[0].Username; break;
        }

        var results = await h.ConnectAsync(requests, 1);

        var refused = results.Where(r => r.Error != null).ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, r => Assert.Equal(errorId, Assert.IsAssignableFrom<JwtAuthException>(r.Error).ErrorId));
        Assert.DoesNotContain(h.Server.TokenRequests, t => requests.Take(2).Any(r => r.Username == t.Assertion!.ClaimString("sub")));
        var stored = Assert.Single(h.Persisted.ReadAll().Auths);
        Assert.Equal("bystander", stored.Auth.Alias);
        var connected = Assert.Single(results, r => r.Error is null);
        Assert.Equal(stored.Aliases, connected.View!.Aliases);
        Assert.Equal(stored.IsDefault, connected.View.IsDefault);
    }

    [Theory]
    [InlineData(OrgKind.Production)]
    [InlineData(OrgKind.Scratch)]
    public async Task Default_Dev_Hub_for_an_org_that_is_not_one_is_refused_after_login_and_nothing_is_stored(OrgKind kind)
    {
        await using var h = await ServiceHarness.StartAsync();
        var request = h.Request(h.AddUser(kind), alias: "not-a-hub");
        if (kind == OrgKind.Scratch) request.Audience = "https://test.salesforce.com";
        request.SetDefaultDevHub = true;

        var result = Assert.Single(await h.ConnectAsync(request));

        var error = Assert.IsAssignableFrom<JwtAuthException>(result.Error);
        Assert.Equal("NotADevHub", error.ErrorId);
        Assert.Equal(request.Username, error.Target);
        Assert.Contains("SetDefaultDevHub", error.Fix);
        Assert.Single(h.Server.TokenRequests);
        Assert.Empty(h.Files());
    }
}
