using JwtAuth.Core.Store;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.Store;

/// <summary>
/// An org's aliases in the order they were set (its <c>Alias</c> is the last one), kept in settings.json across
/// processes and releases, and the move of an alias from one org to another reported with the save.
/// </summary>
public sealed class AliasOrderTests : IDisposable
{
    private readonly TempStoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Stores => new() { "disk", "process" };

    private IOrgAuthStore Open(string kind) => kind == "disk" ? _folder.Open() : new ProcessOrgAuthStore();

    [Theory]
    [MemberData(nameof(Stores))]
    public void Aliases_are_in_the_order_they_were_set_and_Alias_is_the_last(string kind)
    {
        var store = Open(kind);
        store.Save(SampleAuths.For("one@example.com", alias: "zeta"));
        store.Save(SampleAuths.For("one@example.com", alias: "alpha"));
        var saved = store.Save(SampleAuths.For("one@example.com", alias: "mid"));

        Assert.Equal(new[] { "zeta", "alpha", "mid" }, saved.Aliases);
        Assert.Equal("mid", saved.Auth.Alias);
        var found = store.Find("one@example.com")!;
        Assert.Equal(new[] { "zeta", "alpha", "mid" }, found.Aliases);
        Assert.Equal("mid", found.Auth.Alias);
        Assert.Equal(new[] { "zeta", "alpha", "mid" }, Assert.Single(store.ReadAll().Auths).Aliases);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Setting_an_alias_again_makes_it_the_last(string kind)
    {
        var store = Open(kind);
        store.Save(SampleAuths.For("one@example.com", alias: "zeta"));
        store.Save(SampleAuths.For("one@example.com", alias: "alpha"));
        store.Save(SampleAuths.For("one@example.com", alias: "zeta"));

        var found = store.Find("alpha")!;
        Assert.Equal(new[] { "alpha", "zeta" }, found.Aliases);
        Assert.Equal("zeta", found.Auth.Alias);
    }

    [Fact]
    public void The_order_is_kept_in_settings_json_for_the_next_process()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("one@example.com", alias: "b"));
        store.Save(SampleAuths.For("two@example.com", alias: "z"));
        store.Save(SampleAuths.For("one@example.com", alias: "a"));
        store.SetAlias("b", "one@example.com");

        var keys = ((JObject)JObject.Parse(File.ReadAllText(_folder.SettingsFile))["aliases"]!).Properties().Select(p => p.Name);
        Assert.Equal(new[] { "z", "a", "b" }, keys);
        var reread = new OrgAuthStore(_folder.StorePath).Find("one@example.com")!;
        Assert.Equal(new[] { "a", "b" }, reread.Aliases);
        Assert.Equal("b", reread.Auth.Alias);
    }

    [Fact]
    public void Settings_of_an_earlier_release_are_read_in_the_order_of_their_aliases_object()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("one@example.com"));
        File.WriteAllText(_folder.SettingsFile,
            "{\"version\": 1, \"defaultOrg\": \"one@example.com\", \"defaultDevHub\": null, \"aliases\": {\"zeta\": \"one@example.com\", \"alpha\": \"one@example.com\"}}");

        var found = store.Find("one@example.com")!;
        Assert.Equal(new[] { "zeta", "alpha" }, found.Aliases);
        Assert.Equal("alpha", found.Auth.Alias);
        Assert.True(found.IsDefault);
    }

    [Fact]
    public void A_settings_alias_that_names_no_username_is_corrupt()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("one@example.com"));
        File.WriteAllText(_folder.SettingsFile, "{\"version\": 1, \"aliases\": {\"x\": {\"nested\": true}}}");

        var problem = Assert.Single(store.ReadAll().Problems);
        Assert.Equal(StoreErrorIds.FileCorrupt, problem.ErrorId);
        Assert.Equal(_folder.SettingsFile, problem.Path);
    }

    [Fact]
    public void A_process_alias_counts_as_set_after_the_persisted_ones_of_the_same_org()
    {
        var persisted = _folder.Open();
        var process = new ProcessOrgAuthStore();
        persisted.Save(SampleAuths.For("both@example.com", alias: "zdisk"));
        process.Save(SampleAuths.For("BOTH@example.com", alias: "amemory"));

        var both = new LayeredOrgAuthView(process, persisted).Find("both@example.com")!;
        Assert.Equal(new[] { "zdisk", "amemory" }, both.Aliases);
        Assert.Equal("amemory", both.Auth.Alias);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void An_alias_moved_from_another_org_is_reported_with_the_save(string kind)
    {
        var store = Open(kind);
        var first = store.SaveMany(new[] { new OrgAuthSave(SampleAuths.For("one@example.com", alias: "shared")) }).Single();
        Assert.Null(first.AliasMoved);

        var moved = store.SaveMany(new[] { new OrgAuthSave(SampleAuths.For("two@example.com", alias: "Shared")) }).Single();

        Assert.NotNull(moved.AliasMoved);
        Assert.Equal("Shared", moved.AliasMoved!.Alias);
        Assert.Equal("one@example.com", moved.AliasMoved.FromUsername);
        Assert.Equal("two@example.com", moved.AliasMoved.ToUsername);
        Assert.Equal("Alias 'Shared' moved from one@example.com to two@example.com.", moved.AliasMoved.Message);
        Assert.Null(store.SaveMany(new[] { new OrgAuthSave(SampleAuths.For("TWO@example.com", alias: "shared")) }).Single().AliasMoved);
    }

    [Fact]
    public void A_batch_reports_each_move_on_the_save_that_made_it()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("one@example.com", alias: "a"));

        var outcomes = store.SaveMany(new[]
        {
            new OrgAuthSave(SampleAuths.For("two@example.com", alias: "a")),
            new OrgAuthSave(SampleAuths.For("three@example.com", alias: "b")),
            new OrgAuthSave(SampleAuths.For("four@example.com", alias: "a")),
        });

        Assert.Equal(("one@example.com", "two@example.com"), (outcomes[0].AliasMoved!.FromUsername, outcomes[0].AliasMoved!.ToUsername));
        Assert.Null(outcomes[1].AliasMoved);
        Assert.Equal(("two@example.com", "four@example.com"), (outcomes[2].AliasMoved!.FromUsername, outcomes[2].AliasMoved!.ToUsername));
    }

    [Fact]
    public void An_alias_taken_from_an_org_whose_file_is_gone_is_not_reported_as_a_move()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("gone@example.com", alias: "a"));
        File.Delete(_folder.OrgFile("gone@example.com"));

        var outcome = store.SaveMany(new[] { new OrgAuthSave(SampleAuths.For("two@example.com", alias: "a")) }).Single();

        Assert.Null(outcome.AliasMoved);
        Assert.Equal("two@example.com", store.Find("a")!.Username);
    }
}
