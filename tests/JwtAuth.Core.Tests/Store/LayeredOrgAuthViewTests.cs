using JwtAuth.Core.Store;

namespace JwtAuth.Core.Tests.Store;

public sealed class LayeredOrgAuthViewTests : IDisposable
{
    private readonly TempStoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Process_auths_shadow_persisted_auths_of_the_same_username()
    {
        var persisted = _folder.Open();
        var process = new ProcessOrgAuthStore();
        persisted.Save(SampleAuths.For("both@example.com", token: "disk", alias: "both"), setDefault: true);
        persisted.Save(SampleAuths.For("disk@example.com", token: "disk-only", alias: "d"));
        process.Save(SampleAuths.For("BOTH@example.com", token: "memory"));
        process.Save(SampleAuths.For("memory@example.com", token: "memory-only", alias: "d"));
        var view = new LayeredOrgAuthView(process, persisted);

        var snapshot = view.ReadAll();
        Assert.Equal(3, snapshot.Auths.Count);
        var both = view.Find("both")!;
        Assert.Equal("memory", both.Auth.AccessToken);
        Assert.Equal(OrgAuthScope.Process, both.Scope);
        Assert.True(both.IsDefault);
        Assert.Same(process, view.StoreFor(both));
        Assert.Equal("memory@example.com", view.Find("d")!.Username);
        Assert.Empty(view.Find("disk@example.com")!.Aliases);
        Assert.Same(persisted, view.StoreFor(view.Find("disk@example.com")!));
    }

    [Fact]
    public void Process_default_wins_over_the_persisted_default()
    {
        var persisted = _folder.Open();
        var process = new ProcessOrgAuthStore();
        persisted.Save(SampleAuths.For("disk@example.com"), setDefault: true, setDefaultDevHub: true);
        process.Save(SampleAuths.For("ci@example.com"), setDefault: true);

        var snapshot = new LayeredOrgAuthView(process, persisted).ReadAll();
        Assert.Equal("ci@example.com", snapshot.Default!.Username);
        Assert.Equal("disk@example.com", snapshot.DefaultDevHub!.Username);
        Assert.Single(snapshot.Auths, a => a.IsDefault);
    }

    [Fact]
    public void Persisted_problems_show_through_and_a_corrupt_org_still_throws_on_find()
    {
        var persisted = _folder.Open();
        persisted.Save(SampleAuths.For("bad@example.com"));
        File.WriteAllText(_folder.OrgFile("bad@example.com"), "{");
        var view = new LayeredOrgAuthView(new ProcessOrgAuthStore(), persisted);

        Assert.Single(view.ReadAll().Problems);
        Assert.Equal(StoreErrorIds.FileCorrupt, Assert.Throws<StoreException>(() => view.Find("bad@example.com")).ErrorId);
    }
}
