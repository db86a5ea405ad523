using JwtAuth.Core.Model;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.Tests.Store;

/// <summary>SaveMany: a bulk connect's batch, stored as Save would store each auth, with one settings.json write.</summary>
public sealed class SaveManyTests : IDisposable
{
    private readonly TempStoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_batch_stores_every_auth_with_its_alias_and_writes_settings_once()
    {
        var store = _folder.Open();
        var commits = new List<string>();
        store.BeforeCommit = path => commits.Add(Path.GetFileName(path));
        var auths = Enumerable.Range(1, 3).Select(i => SampleAuths.For($"scratch{i}@example.com", alias: $"s{i}", type: OrgType.Scratch)).ToList();

        var outcomes = store.SaveMany(auths.Select((a, i) => new OrgAuthSave(a, setDefault: i == 1)).ToList());

        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Equal(auths.Select(a => a.Username), outcomes.Select(o => o.Stored!.Username));
        Assert.Equal(new[] { "s1", "s2", "s3" }, outcomes.Select(o => o.Stored!.Alias));
        Assert.True(outcomes[1].Stored!.IsDefault);
        Assert.Equal(1, commits.Count(c => c == "settings.json"));
        Assert.Equal(3, commits.Count(c => c != "settings.json"));
        Assert.Equal("settings.json", commits.Last());

        var reread = new OrgAuthStore(_folder.StorePath);
        foreach (var auth in auths)
        {
            var found = reread.Find(auth.Alias!);
            Assert.NotNull(found);
            Assert.Equal(auth.Username, found!.Username);
            Assert.Equal(auth.AccessToken, found.Auth.AccessToken);
        }

        Assert.Equal("scratch2@example.com", reread.ReadAll().Auths.Single(a => a.IsDefault).Username);
    }

    [Fact]
    public void An_invalid_username_fails_alone_and_the_rest_of_the_batch_is_stored()
    {
        var store = _folder.Open();
        var saves = new[]
        {
            new OrgAuthSave(SampleAuths.For("good1@example.com", alias: "g1")),
            new OrgAuthSave(SampleAuths.For("not a username", alias: "bad")),
            new OrgAuthSave(SampleAuths.For("good2@example.com")),
        };

        var outcomes = store.SaveMany(saves);

        Assert.NotNull(outcomes[0].Stored);
        Assert.Equal(StoreErrorIds.InvalidUsername, Assert.IsType<StoreException>(outcomes[1].Error).ErrorId);
        Assert.NotNull(outcomes[2].Stored);
        var all = new OrgAuthStore(_folder.StorePath).ReadAll();
        Assert.Equal(new[] { "good1@example.com", "good2@example.com" }, all.Auths.Select(a => a.Username).OrderBy(u => u));
        Assert.Null(new OrgAuthStore(_folder.StorePath).Find("bad"));
    }

    [Fact]
    public void Saving_again_in_a_batch_continues_each_orgs_revision()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("again@example.com"));

        var outcome = store.SaveMany(new[] { new OrgAuthSave(SampleAuths.For("again@example.com")) }).Single();

        Assert.Equal(2, outcome.Stored!.Revision);
    }

    [Fact]
    public void The_process_store_saves_a_batch_the_same_way()
    {
        var store = new ProcessOrgAuthStore();
        var outcomes = store.SaveMany(new[]
        {
            new OrgAuthSave(SampleAuths.For("p1@example.com", alias: "p1"), setDefaultDevHub: true),
            new OrgAuthSave(SampleAuths.For("", alias: "p2")),
        });

        Assert.Equal("p1", outcomes[0].Stored!.Alias);
        Assert.True(outcomes[0].Stored!.IsDefaultDevHub);
        Assert.IsType<StoreException>(outcomes[1].Error);
        Assert.Single(store.ReadAll().Auths);
    }
}
