using JwtAuth.Core.Errors;
using JwtAuth.Core.Store;
using JwtAuth.Core.Tests.Store;

namespace JwtAuth.Core.Tests.Service;

/// <summary>
/// What the service says when what was asked for is not there: a literal name is an OrgAuthNotFound error
/// (a wildcard that matches nothing is not), an empty default names the switch that sets it, and an
/// unreadable store file comes with what to do about that file.
/// </summary>
public sealed class LookupErrorTests
{
    [Fact]
    public async Task A_literal_name_that_matches_nothing_is_OrgAuthNotFound_with_a_fix_for_listing()
    {
        await using var h = await ServiceFixture.StartAsync();
        h.Persisted.Save(SampleAuths.For("one@example.com", alias: "one"));

        var listing = h.Service.List(new[] { "nosuch", "zz*", "one" }, false, false);

        Assert.Equal("one@example.com", Assert.Single(listing.Auths).Auth.Username);
        var error = Assert.Single(listing.NotFound);
        Assert.Equal(StoreErrorIds.OrgAuthNotFound, error.ErrorId);
        Assert.Equal(JwtAuthErrorKind.ObjectNotFound, error.Kind);
        Assert.Equal("nosuch", error.Target);
        Assert.Contains("Get-SfOrgAuth", error.Fix);
        Assert.Contains("Connect-SfOrgJwt", error.Fix);
    }

    [Fact]
    public async Task An_empty_default_is_NoDefaultOrg_or_NoDefaultDevHub_naming_the_switch_that_sets_it()
    {
        await using var h = await ServiceFixture.StartAsync();
        h.Persisted.Save(SampleAuths.For("one@example.com", alias: "one"));

        var org = Assert.Single(h.Service.List(null, defaultOrg: true, defaultDevHub: false).NotFound);
        Assert.Equal(StoreErrorIds.NoDefaultOrg, org.ErrorId);
        Assert.Equal(JwtAuthErrorKind.ObjectNotFound, org.Kind);
        Assert.Matches(@"Connect-SfOrgJwt -SetDefault\b(?!DevHub)", org.Fix);
        var hub = Assert.Single(h.Service.List(null, defaultOrg: false, defaultDevHub: true).NotFound);
        Assert.Equal(StoreErrorIds.NoDefaultDevHub, hub.ErrorId);
        Assert.Contains("Connect-SfOrgJwt -SetDefaultDevHub", hub.Fix);

        h.Persisted.Save(SampleAuths.For("one@example.com"), setDefault: true);
        var listing = h.Service.List(null, defaultOrg: true, defaultDevHub: false);
        Assert.Empty(listing.NotFound);
        Assert.Equal("one@example.com", Assert.Single(listing.Auths).Auth.Username);
    }

    [Fact]
    public async Task Removal_of_a_literal_name_that_matches_nothing_throws_with_a_fix_that_lists_the_orgs()
    {
        await using var h = await ServiceFixture.StartAsync();
        h.Persisted.Save(SampleAuths.For("one@example.com", alias: "one"));

        Assert.Empty(h.Service.ResolveForRemoval("zz*", includeSfCli: false));
        Assert.Empty(h.Service.ResolveForRemoval("zz*", includeSfCli: true));
        var jwtOnly = Assert.Throws<StoreException>(() => h.Service.ResolveForRemoval("nosuch", includeSfCli: false));
        Assert.Equal(StoreErrorIds.OrgAuthNotFound, jwtOnly.ErrorId);
        Assert.Equal("nosuch", jwtOnly.Target);
        Assert.Contains("Get-SfOrgAuth", jwtOnly.Fix);
        Assert.DoesNotContain("-SfCli", jwtOnly.Fix);
        var both = Assert.Throws<StoreException>(() => h.Service.ResolveForRemoval("nosuch", includeSfCli: true));
        Assert.Contains("Get-SfOrgAuth -SfCli", both.Fix);
    }

    [Fact]
    public async Task A_name_the_Salesforce_CLI_does_not_know_is_OrgAuthNotFound_with_a_fix_for_the_CLI_listing()
    {
        await using var h = await ServiceFixture.StartAsync();

        var listing = h.Service.ListSfCli(new[] { "nosuch", "zz*" });

        var error = Assert.Single(listing.NotFound);
        Assert.Equal(StoreErrorIds.OrgAuthNotFound, error.ErrorId);
        Assert.Equal("nosuch", error.Target);
        Assert.Contains("Get-SfOrgAuth -SfCli", error.Fix);
    }

    [Fact]
    public async Task Unreadable_store_files_are_listed_as_errors_with_what_to_do_about_that_file()
    {
        await using var h = await ServiceFixture.StartAsync();
        h.Persisted.Save(SampleAuths.For("bad@example.com", alias: "bad"));
        var orgFile = Path.Combine(h.StoreDirectory, "orgs", "bad@example.com.json");
        var settings = Path.Combine(h.StoreDirectory, "settings.json");
        File.WriteAllText(orgFile, "{");
        File.WriteAllText(settings, "{");

        var problems = h.Service.List(null, false, false).Problems.Cast<JwtAuthException>().ToList();

        Assert.Equal(2, problems.Count);
        var org = problems.Single(p => Equals(p.Target, orgFile));
        Assert.Equal(StoreErrorIds.FileCorrupt, org.ErrorId);
        Assert.Equal(JwtAuthErrorKind.InvalidData, org.Kind);
        Assert.Contains("Connect-SfOrgJwt", org.Fix);
        Assert.Contains("delete", org.Fix);
        Assert.DoesNotContain("Connect-SfOrgJwt", org.Problem);
        var broken = problems.Single(p => Equals(p.Target, settings));
        Assert.Equal(StoreErrorIds.FileCorrupt, broken.ErrorId);
        Assert.Contains("Delete", broken.Fix);
        Assert.Contains("alias", broken.Fix);
    }
}
