using JwtAuth.Core.Store;
using JwtAuth.Core.Tests.Service;

namespace JwtAuth.Core.Tests.Store;

/// <summary>
/// Selecting stored auths by name, where Get-SfOrgAuth does it (<c>OrgAuthService.List</c>): <c>*</c>/<c>?</c>
/// patterns over usernames and aliases, ignoring case, over both scopes.
/// </summary>
public sealed class StoredAuthSelectionTests
{
    [Fact]
    public async Task Wildcards_match_usernames_and_aliases()
    {
        await using var h = await ServiceHarness.StartAsync();
        h.Persisted.Save(SampleAuths.For("ci@acme.com.uat", alias: "uat"));
        h.Persisted.Save(SampleAuths.For("ci@acme.com.qa", alias: "qa1"));
        h.Persisted.Save(SampleAuths.For("admin@other.com", alias: "prod"));

        Assert.Equal(new[] { "ci@acme.com.qa", "ci@acme.com.uat" }, Usernames(h, "CI@ACME.*"));
        Assert.Equal(new[] { "ci@acme.com.qa" }, Usernames(h, "qa?"));
        Assert.Equal(3, Usernames(h, "*").Count);
        Assert.Empty(Usernames(h, "ci@acme.com"));
        Assert.Equal(new[] { "admin@other.com" }, Usernames(h, "pro*"));
    }

    [Fact]
    public async Task A_pattern_sees_process_auths_in_place_of_persisted_ones_of_the_same_username()
    {
        await using var h = await ServiceHarness.StartAsync();
        h.Persisted.Save(SampleAuths.For("both@example.com", token: "disk", alias: "both"), setDefault: true);
        h.Persisted.Save(SampleAuths.For("disk@example.com", token: "disk-only", alias: "d"));
        h.Process.Save(SampleAuths.For("BOTH@example.com", token: "memory"));
        h.Process.Save(SampleAuths.For("memory@example.com", token: "memory-only", alias: "d"));

        Assert.Equal(2, h.Service.List(new[] { "*@example.com" }, false, false).Auths.Count(a => a.Scope == OrgAuthScope.Process));
    }

    private static List<string> Usernames(ServiceHarness h, string pattern) =>
        h.Service.List(new[] { pattern }, false, false).Auths.Select(a => a.Auth.Username).ToList();
}
