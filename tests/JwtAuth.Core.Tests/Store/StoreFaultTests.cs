using JwtAuth.Core.Store;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.Store;

public sealed class StoreFaultTests : IDisposable
{
    private readonly TempStoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Corrupt_org_file_is_reported_by_name_while_the_others_load()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("good@example.com", alias: "good"));
        store.Save(SampleAuths.For("bad@example.com", alias: "bad"));
        var badPath = _folder.OrgFile("bad@example.com");
        File.WriteAllText(badPath, "{\"version\": 1, \"username\": \"bad@exa");

        var snapshot = store.ReadAll();

        Assert.Equal("good@example.com", Assert.Single(snapshot.Auths).Username);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(StoreErrorIds.FileCorrupt, problem.ErrorId);
        Assert.Equal(badPath, problem.Path);
        Assert.Contains(badPath, problem.Message);
        Assert.Equal("good@example.com", store.Find("good")!.Username);
        var error = Assert.Throws<StoreException>(() => store.Find("bad"));
        Assert.Equal(StoreErrorIds.FileCorrupt, error.ErrorId);
        Assert.Contains(badPath, error.Message);
    }

    [Fact]
    public void Reconnecting_an_org_whose_file_is_corrupt_repairs_it()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("bad@example.com"));
        File.WriteAllText(_folder.OrgFile("bad@example.com"), "not json");

        store.Save(SampleAuths.For("bad@example.com", token: "repaired"));

        Assert.Equal("repaired", store.Find("bad@example.com")!.Auth.AccessToken);
        Assert.Empty(store.ReadAll().Problems);
    }

    [Fact]
    public void Org_file_from_a_later_format_version_is_reported_and_never_overwritten()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("good@example.com"));
        store.Save(SampleAuths.For("future@example.com"));
        var futurePath = _folder.OrgFile("future@example.com");
        var json = JObject.Parse(File.ReadAllText(futurePath));
        json["version"] = 7;
        File.WriteAllText(futurePath, json.ToString());
        var futureBytes = File.ReadAllBytes(futurePath);

        var snapshot = store.ReadAll();
        Assert.Equal("good@example.com", Assert.Single(snapshot.Auths).Username);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(StoreErrorIds.VersionUnsupported, problem.ErrorId);
        Assert.Contains(futurePath, problem.Message);
        Assert.Contains("version 7", problem.Message);

        var error = Assert.Throws<StoreException>(() => store.Save(SampleAuths.For("future@example.com")));
        Assert.Equal(StoreErrorIds.VersionUnsupported, error.ErrorId);
        Assert.Equal(futureBytes, File.ReadAllBytes(futurePath));
    }

    [Theory]
    [InlineData("{\"username\": \"x@example.com\"}")]
    [InlineData("{\"version\": \"1\"}")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    [InlineData("{\"version\": 1, \"issuedAt\": \"yesterday\", \"username\": \"x@example.com\"}")]
    public void Files_without_a_usable_version_or_shape_are_corrupt(string content)
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("good@example.com"));
        var path = _folder.OrgFile("x@example.com");
        File.WriteAllText(path, content);

        var snapshot = store.ReadAll();
        Assert.Single(snapshot.Auths);
        Assert.Equal(path, Assert.Single(snapshot.Problems).Path);
        Assert.Equal(StoreErrorIds.FileCorrupt, snapshot.Problems[0].ErrorId);
    }

    [Fact]
    public void Org_file_renamed_to_another_username_is_reported()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("real@example.com"));
        File.Copy(_folder.OrgFile("real@example.com"), _folder.OrgFile("impostor@example.com"));

        var snapshot = store.ReadAll();
        Assert.Equal("real@example.com", Assert.Single(snapshot.Auths).Username);
        Assert.Contains("real@example.com", Assert.Single(snapshot.Problems).Message);
    }

    [Fact]
    public void Corrupt_settings_are_reported_auths_still_load_and_alias_changes_refuse_to_overwrite_them()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("a@example.com", alias: "a"), setDefault: true);
        File.WriteAllText(_folder.SettingsFile, "{ broken");

        var snapshot = store.ReadAll();
        var auth = Assert.Single(snapshot.Auths);
        Assert.Null(auth.Alias);
        Assert.False(auth.IsDefault);
        Assert.Equal(_folder.SettingsFile, Assert.Single(snapshot.Problems).Path);

        // A reconnect without alias or default changes still works...
        store.Save(SampleAuths.For("a@example.com", token: "new"));
        Assert.Equal("new", store.Find("a@example.com")!.Auth.AccessToken);
        // ...but nothing silently replaces the damaged settings.
        var error = Assert.Throws<StoreException>(() => store.SetAlias("b", "a@example.com"));
        Assert.Equal(StoreErrorIds.FileCorrupt, error.ErrorId);
        Assert.Contains(_folder.SettingsFile, error.Message);
        Assert.Equal("{ broken", File.ReadAllText(_folder.SettingsFile));
    }

    [Fact]
    public void Leftover_temp_files_are_ignored_by_readers_and_removed_by_the_next_writer()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("a@example.com", alias: "a"));
        var orgLeftover = Path.Combine(_folder.StorePath, "orgs", ".b@example.com.json.0123456789ab.tmp");
        var settingsLeftover = Path.Combine(_folder.StorePath, ".settings.json.0123456789ab.tmp");
        File.WriteAllText(orgLeftover, "{\"version\": 1, \"username\": \"b@exa");
        File.WriteAllText(settingsLeftover, "{ half");

        var snapshot = store.ReadAll();
        Assert.Single(snapshot.Auths);
        Assert.Empty(snapshot.Problems);
        Assert.True(File.Exists(orgLeftover));

        store.Save(SampleAuths.For("c@example.com"));
        Assert.False(File.Exists(orgLeftover));
        Assert.False(File.Exists(settingsLeftover));
        Assert.Equal(2, store.ReadAll().Auths.Count);
    }

    [Fact]
    public void Aliases_and_defaults_naming_a_missing_org_are_ignored()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("a@example.com", alias: "a"), setDefault: true);
        File.Delete(_folder.OrgFile("a@example.com"));

        var snapshot = store.ReadAll();
        Assert.Empty(snapshot.Auths);
        Assert.Empty(snapshot.Aliases);
        Assert.Null(snapshot.DefaultUsername);
        Assert.Null(store.Find("a"));
    }

    [Fact]
    public void Failed_token_mint_leaves_the_stored_auth_untouched()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("a@example.com", token: "old", alias: "a"), setDefault: true);
        var before = _folder.FilesExceptLocks();
        var seen = store.Find("a")!;

        Assert.Throws<TimeoutException>(() => store.RenewToken(seen, _ => throw new TimeoutException("login host down"), TimeSpan.FromSeconds(5)));

        var after = _folder.FilesExceptLocks();
        Assert.Equal(before.Keys.OrderBy(k => k), after.Keys.OrderBy(k => k));
        foreach (var (path, bytes) in before) Assert.Equal(bytes, after[path]);
    }
}
