using JwtAuth.Core.Model;
using JwtAuth.Core.Store;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.Store;

public sealed class OrgAuthStoreTests : IDisposable
{
    private readonly TempStoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Saved_auth_reads_back_with_every_field_and_its_token()
    {
        var store = _folder.Open();
        var auth = SampleAuths.For("admin@example.com", alias: "prod");
        auth.TrialExpirationDate = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(2));
        auth.NamespacePrefix = "acme";

        store.Save(auth);
        var found = new OrgAuthStore(_folder.StorePath).Find("admin@example.com");

        Assert.NotNull(found);
        var back = found!.Auth;
        Assert.Equal(auth.AccessToken, back.AccessToken);
        Assert.Equal(StoredTokenState.Available, found.TokenState);
        Assert.Equal(auth.OrgId, back.OrgId);
        Assert.Equal(auth.UserId, back.UserId);
        Assert.Equal(OrgType.Production, back.OrgType);
        Assert.Equal(auth.InstanceUrl, back.InstanceUrl);
        Assert.Equal(auth.LoginUrl, back.LoginUrl);
        Assert.Equal(auth.Audience, back.Audience);
        Assert.Equal(auth.ClientId, back.ClientId);
        Assert.Equal(auth.IdUrl, back.IdUrl);
        Assert.Equal(auth.IssuedAt, back.IssuedAt);
        Assert.Equal(auth.IssuedAt.UtcTicks, back.IssuedAt.UtcTicks);
        Assert.Equal(auth.ApiVersion, back.ApiVersion);
        Assert.Equal(auth.OrgName, back.OrgName);
        Assert.Equal(auth.InstanceName, back.InstanceName);
        Assert.Equal("acme", back.NamespacePrefix);
        Assert.Equal(auth.TrialExpirationDate, back.TrialExpirationDate);
        Assert.Equal(KeyReferenceKind.File, back.Key.Kind);
        Assert.Equal("/home/ci/keys/server.key", back.Key.KeyFile);
        Assert.Equal("prod", found.Alias);
        Assert.Equal("prod", back.Alias);
        Assert.True(found.CanRenew);
        Assert.Equal(OrgAuthScope.CurrentUser, found.Scope);
        Assert.Equal(_folder.OrgFile("admin@example.com"), found.FilePath);
    }

    [Fact]
    public void Org_file_is_versioned_json_named_for_the_username()
    {
        _folder.Open().Save(SampleAuths.For("Admin@Example.com"));

        var json = JObject.Parse(File.ReadAllText(_folder.OrgFile("admin@example.com")));
        Assert.Equal(1, json["version"]!.Value<int>());
        Assert.Equal("Admin@Example.com", json["username"]!.Value<string>());
        Assert.Equal("File", json["key"]!["kind"]!.Value<string>());
    }

    [Fact]
    public void Certificate_store_reference_round_trips()
    {
        var store = _folder.Open();
        var auth = SampleAuths.For("cert@example.com");
        auth.Key = KeyReference.Store("0123456789ABCDEF0123456789ABCDEF01234567", @"CurrentUser\My");
        store.Save(auth);

        var key = store.Find("cert@example.com")!.Auth.Key;
        Assert.Equal(KeyReferenceKind.CertificateStore, key.Kind);
        Assert.Equal("0123456789ABCDEF0123456789ABCDEF01234567", key.CertificateThumbprint);
        Assert.Equal(@"CurrentUser\My", key.CertificateStore);
    }

    [Fact]
    public void Auth_made_with_an_in_memory_key_is_stored_but_says_renewal_needs_a_new_connect()
    {
        var store = _folder.Open();
        var auth = SampleAuths.For("memory@example.com");
        auth.Key = KeyReference.None();
        store.Save(auth);

        var found = store.Find("memory@example.com")!;
        Assert.False(found.CanRenew);
        Assert.Equal(auth.AccessToken, found.Auth.AccessToken);
        var error = Assert.Throws<StoreException>(found.EnsureRenewable);
        Assert.Equal(StoreErrorIds.NotRenewable, error.ErrorId);
        Assert.Contains("Connect-SfOrgJwt", error.Message);
        Assert.Contains("memory@example.com", error.Message);
    }

    [Fact]
    public void Reconnect_updates_the_same_auth_in_place_and_keeps_its_alias_and_default()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("admin@example.com", token: "first-token", alias: "prod"), setDefault: true);
        var first = store.Find("prod")!;

        var again = SampleAuths.For("ADMIN@example.com", token: "second-token");
        again.InstanceUrl = "https://moved.my.salesforce.com";
        store.Save(again);

        var snapshot = store.ReadAll();
        var only = Assert.Single(snapshot.Auths);
        Assert.Single(Directory.GetFiles(Path.Combine(_folder.StorePath, "orgs")));
        Assert.Equal("second-token", only.Auth.AccessToken);
        Assert.Equal("https://moved.my.salesforce.com", only.Auth.InstanceUrl);
        Assert.Equal("prod", only.Alias);
        Assert.True(only.IsDefault);
        Assert.True(only.Revision > first.Revision);
    }

    [Fact]
    public void Alias_given_to_another_org_moves_to_it()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("one@example.com", alias: "shared"));
        store.Save(SampleAuths.For("two@example.com", alias: "shared"));

        Assert.Equal("two@example.com", store.Find("shared")!.Username);
        Assert.Null(store.Find("one@example.com")!.Alias);
        Assert.Empty(store.Find("one@example.com")!.Aliases);
    }

    [Fact]
    public void SetAlias_moves_an_alias_and_an_org_can_have_several()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("one@example.com", alias: "a"));
        store.Save(SampleAuths.For("two@example.com"));

        store.SetAlias("b", "one@example.com");
        store.SetAlias("A", "two@example.com");

        Assert.Equal(new[] { "b" }, store.Find("one@example.com")!.Aliases);
        Assert.Equal(new[] { "A" }, store.Find("two@example.com")!.Aliases);
        Assert.Equal("two@example.com", store.Find("a")!.Username);
        Assert.True(store.RemoveAlias("b"));
        Assert.False(store.RemoveAlias("b"));
        Assert.Null(store.Find("b"));
    }

    [Fact]
    public void Default_org_and_default_dev_hub_move_and_stay_independent()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("hub@example.com", type: OrgType.DevHub), setDefaultDevHub: true);
        store.Save(SampleAuths.For("one@example.com"), setDefault: true);
        store.Save(SampleAuths.For("two@example.com"), setDefault: true);

        var snapshot = store.ReadAll();
        Assert.Equal("two@example.com", snapshot.Default!.Username);
        Assert.Equal("hub@example.com", snapshot.DefaultDevHub!.Username);
        Assert.Single(snapshot.Auths, a => a.IsDefault);
        Assert.Single(snapshot.Auths, a => a.IsDefaultDevHub);

        store.SetDefault("one@example.com");
        store.SetDefaultDevHub(null);
        snapshot = store.ReadAll();
        Assert.Equal("one@example.com", snapshot.Default!.Username);
        Assert.Null(snapshot.DefaultDevHub);
    }

    [Fact]
    public void Remove_by_alias_deletes_the_auth_its_aliases_and_its_default_marks()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("gone@example.com", alias: "gone"), setDefault: true, setDefaultDevHub: true);
        store.SetAlias("gone2", "gone@example.com");
        store.Save(SampleAuths.For("stays@example.com", alias: "stays"));

        Assert.True(store.Remove("gone"));

        var snapshot = store.ReadAll();
        Assert.Equal("stays@example.com", Assert.Single(snapshot.Auths).Username);
        Assert.False(File.Exists(_folder.OrgFile("gone@example.com")));
        var settings = JObject.Parse(File.ReadAllText(_folder.SettingsFile));
        Assert.Equal(new[] { "stays" }, ((JObject)settings["aliases"]!).Properties().Select(p => p.Name));
        Assert.Equal(JTokenType.Null, settings["defaultOrg"]!.Type);
        Assert.Equal(JTokenType.Null, settings["defaultDevHub"]!.Type);
        Assert.False(store.Remove("gone@example.com"));
    }

    [Fact]
    public void Find_ignores_case_and_returns_null_for_unknown_names()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("Admin@Example.com", alias: "Prod"));

        Assert.Equal("Admin@Example.com", store.Find("admin@EXAMPLE.com")!.Username);
        Assert.Equal("Admin@Example.com", store.Find("PROD")!.Username);
        Assert.Null(store.Find("nobody@example.com"));
        Assert.Null(store.Find("nope"));
        Assert.Null(new OrgAuthStore(Path.Combine(_folder.Root, "never-created")).Find("x@y.z"));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("user@example.com")]
    [InlineData("wild*")]
    [InlineData("")]
    public void Bad_alias_is_refused_before_anything_is_written(string alias)
    {
        var store = _folder.Open();
        var error = Assert.Throws<StoreException>(() => store.Save(SampleAuths.For("a@example.com", alias: alias)));
        Assert.Equal(StoreErrorIds.InvalidAlias, error.ErrorId);
        Assert.Empty(_folder.AllFiles());
    }

    [Theory]
    [InlineData("two words@example.com")]
    [InlineData("con")]
    [InlineData("@example.com")]
    [InlineData("admin@")]
    public void Bad_username_is_refused(string username)
    {
        var error = Assert.Throws<StoreException>(() => _folder.Open().Save(SampleAuths.For(username)));
        Assert.Equal(StoreErrorIds.InvalidUsername, error.ErrorId);
        Assert.Contains("name@domain", error.Message);
        Assert.Equal(StoreErrorIds.InvalidUsername, Assert.Throws<StoreException>(() => new ProcessOrgAuthStore().Save(SampleAuths.For(username))).ErrorId);
    }

    [Fact]
    public void Usernames_that_look_like_paths_stay_inside_the_orgs_folder()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("../../escape@example.com"));
        store.Save(SampleAuths.For(".hidden@example.com."));

        Assert.All(_folder.AllFiles(), f => Assert.StartsWith(_folder.StorePath, f));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_folder.StorePath, "orgs"), "*.json").Length);
        Assert.NotNull(store.Find("../../escape@example.com"));
        Assert.NotNull(store.Find(".hidden@example.com."));
        Assert.Equal(2, store.ReadAll().Auths.Count);
    }

    [Fact]
    public void SetAlias_and_SetDefault_on_an_unknown_org_throw_not_found()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("a@example.com"));

        Assert.Equal(StoreErrorIds.OrgAuthNotFound, Assert.Throws<StoreException>(() => store.SetAlias("x", "nobody@example.com")).ErrorId);
        Assert.Equal(StoreErrorIds.OrgAuthNotFound, Assert.Throws<StoreException>(() => store.SetDefault("nobody")).ErrorId);
    }

    [Fact]
    public void Returned_auths_are_copies_that_do_not_change_the_store()
    {
        var store = _folder.Open();
        var auth = SampleAuths.For("a@example.com");
        var saved = store.Save(auth);
        auth.OrgId = "changed";
        saved.Auth.OrgId = "changed too";

        Assert.Equal("00D5g000004SAMPLE", store.Find("a@example.com")!.Auth.OrgId);
    }

    [Fact]
    public void A_cancelled_token_cuts_only_waits_short_a_free_lock_is_still_taken()
    {
        var store = _folder.Open();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        store.Save(SampleAuths.For("a@example.com", alias: "a"), setDefault: true, cancellationToken: cancelled.Token);
        using (store.AcquireOrgLock("a@example.com", TimeSpan.FromSeconds(5), cancelled.Token)) { }

        Assert.True(store.Find("a")!.IsDefault);
    }

    [Fact]
    public void Store_files_are_owner_only_on_unix()
    {
        if (OperatingSystem.IsWindows()) return; // Windows gets a current-user ACL from OwnerOnlyAccess instead.
        var store = _folder.Open();
        store.Save(SampleAuths.For("a@example.com", alias: "a"), setDefault: true);
        using (store.AcquireOrgLock("a@example.com", TimeSpan.FromSeconds(5))) { }

        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        foreach (var file in _folder.AllFiles())
            Assert.True(File.GetUnixFileMode(file) == owner, $"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}");
        foreach (var dir in new[] { _folder.StorePath, Path.Combine(_folder.StorePath, "orgs"), Path.Combine(_folder.StorePath, "locks") })
            Assert.Equal(owner | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));
        Assert.Contains(_folder.AllFiles(), f => Path.GetFileName(f) == "key.bin");
    }
}
