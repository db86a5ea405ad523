using JwtAuth.Core.Model;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.Tests.Store;

public sealed class ProcessOrgAuthStoreTests
{
    [Fact]
    public void Keeps_auths_in_memory_with_the_same_alias_and_default_rules()
    {
        var store = new ProcessOrgAuthStore();
        store.Save(SampleAuths.For("one@example.com", token: "t1", alias: "shared"), setDefault: true);
        store.Save(SampleAuths.For("two@example.com", token: "t2", alias: "shared"), setDefault: true, setDefaultDevHub: true);

        var snapshot = store.ReadAll();
        Assert.Equal(2, snapshot.Auths.Count);
        Assert.Equal("two@example.com", store.Find("shared")!.Username);
        Assert.Equal("two@example.com", snapshot.Default!.Username);
        Assert.Equal("two@example.com", snapshot.DefaultDevHub!.Username);
        Assert.Equal("t1", store.Find("ONE@example.com")!.Auth.AccessToken);
        Assert.All(snapshot.Auths, a => Assert.Equal(OrgAuthScope.Process, a.Scope));
        Assert.All(snapshot.Auths, a => Assert.Null(a.FilePath));

        Assert.True(store.Remove("shared"));
        snapshot = store.ReadAll();
        Assert.Equal("one@example.com", Assert.Single(snapshot.Auths).Username);
        Assert.Null(snapshot.Default);
        Assert.Empty(snapshot.Aliases);
    }

    [Fact]
    public void Reconnect_updates_in_place_and_returns_copies()
    {
        var store = new ProcessOrgAuthStore();
        var auth = SampleAuths.For("a@example.com", token: "old", alias: "a");
        store.Save(auth);
        auth.OrgId = "mutated after save";
        store.Save(SampleAuths.For("A@EXAMPLE.COM", token: "new"));

        var only = Assert.Single(store.ReadAll().Auths);
        Assert.Equal("new", only.Auth.AccessToken);
        Assert.Equal("a", only.Alias);
        Assert.Equal("00D5g000004SAMPLE", only.Auth.OrgId);
        Assert.Equal(2, only.Revision);
    }

    [Fact]
    public async Task Org_lock_times_out_while_held_and_is_free_after_release()
    {
        var store = new ProcessOrgAuthStore();
        using (store.AcquireOrgLock("a@example.com", TimeSpan.FromSeconds(1)))
        {
            var error = await Assert.ThrowsAsync<StoreException>(() =>
                Task.Run(() => store.AcquireOrgLock("A@example.com", TimeSpan.FromMilliseconds(50))));
            Assert.Equal(StoreErrorIds.LockTimeout, error.ErrorId);
        }
        store.AcquireOrgLock("a@example.com", TimeSpan.FromSeconds(1)).Dispose();
    }

    [Fact]
    public void Shared_is_one_instance()
    {
        Assert.Same(ProcessOrgAuthStore.Shared, ProcessOrgAuthStore.Shared);
    }
}

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
        Assert.Equal(2, view.Match("*@example.com").Count(a => a.Scope == OrgAuthScope.Process));
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

public sealed class TokenRenewalTests : IDisposable
{
    private readonly TempStoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Stores => new() { "disk", "process" };

    private IOrgAuthStore Open(string kind) => kind == "disk" ? _folder.Open() : new ProcessOrgAuthStore();

    [Theory]
    [MemberData(nameof(Stores))]
    public void Renew_mints_when_nothing_newer_was_stored(string kind)
    {
        var store = Open(kind);
        store.Save(SampleAuths.For("a@example.com", token: "expired", alias: "a"), setDefault: true);
        var seen = store.Find("a")!;
        var minted = 0;

        var renewal = store.RenewToken(seen, current =>
        {
            minted++;
            Assert.Equal("expired", current.Auth.AccessToken);
            var fresh = SampleAuths.For(current.Username, token: "fresh");
            fresh.InstanceUrl = "https://new-instance.my.salesforce.com";
            return fresh;
        }, TimeSpan.FromSeconds(5));

        Assert.False(renewal.Reused);
        Assert.Equal(1, minted);
        var stored = store.Find("a")!;
        Assert.Equal("fresh", stored.Auth.AccessToken);
        Assert.Equal("https://new-instance.my.salesforce.com", stored.Auth.InstanceUrl);
        Assert.Equal("a", stored.Alias);
        Assert.True(stored.IsDefault);
        Assert.Equal(seen.Revision + 1, stored.Revision);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Renew_reuses_a_token_someone_else_stored_after_the_caller_read(string kind)
    {
        var store = Open(kind);
        store.Save(SampleAuths.For("a@example.com", token: "expired"));
        var seen = store.Find("a@example.com")!;
        store.UpdateToken("a@example.com", seen.Revision, "renewed-elsewhere", DateTimeOffset.UtcNow);

        var renewal = store.RenewToken(seen, _ => throw new InvalidOperationException("must not mint"), TimeSpan.FromSeconds(5));

        Assert.True(renewal.Reused);
        Assert.Equal("renewed-elsewhere", renewal.Auth.Auth.AccessToken);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void UpdateToken_with_a_stale_revision_changes_nothing(string kind)
    {
        var store = Open(kind);
        store.Save(SampleAuths.For("a@example.com", token: "first"));
        var seen = store.Find("a@example.com")!;
        store.Save(SampleAuths.For("a@example.com", token: "reconnected"));

        var result = store.UpdateToken("a@example.com", seen.Revision, "late", DateTimeOffset.UtcNow);

        Assert.False(result.Updated);
        Assert.Equal("reconnected", result.Current.Auth.AccessToken);
        Assert.Equal("reconnected", store.Find("a@example.com")!.Auth.AccessToken);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Renew_of_an_in_memory_key_auth_says_connect_again(string kind)
    {
        var store = Open(kind);
        var auth = SampleAuths.For("a@example.com");
        auth.Key = KeyReference.None();
        store.Save(auth);

        var error = Assert.Throws<StoreException>(() =>
            store.RenewToken(store.Find("a@example.com")!, _ => throw new InvalidOperationException("must not mint"), TimeSpan.FromSeconds(5)));
        Assert.Equal(StoreErrorIds.NotRenewable, error.ErrorId);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Renew_of_a_removed_auth_is_not_found_and_UpdateToken_too(string kind)
    {
        var store = Open(kind);
        store.Save(SampleAuths.For("a@example.com"));
        var seen = store.Find("a@example.com")!;
        store.Remove("a@example.com");

        Assert.Equal(StoreErrorIds.OrgAuthNotFound,
            Assert.Throws<StoreException>(() => store.RenewToken(seen, _ => SampleAuths.For("a@example.com"), TimeSpan.FromSeconds(5))).ErrorId);
        Assert.Equal(StoreErrorIds.OrgAuthNotFound,
            Assert.Throws<StoreException>(() => store.UpdateToken("a@example.com", 1, "x", DateTimeOffset.UtcNow)).ErrorId);
    }

    [Fact]
    public async Task Threads_renewing_one_org_at_once_mint_once()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("a@example.com", token: "expired"));
        var seen = store.Find("a@example.com")!;
        var mints = 0;

        var renewals = Enumerable.Range(0, 6).Select(_ => Task.Run(() => store.RenewToken(seen, current =>
        {
            Interlocked.Increment(ref mints);
            return SampleAuths.For(current.Username, token: "fresh-" + Guid.NewGuid());
        }, TimeSpan.FromSeconds(30)))).ToArray();
        var results = await Task.WhenAll(renewals);

        Assert.Equal(1, mints);
        Assert.Single(results, r => !r.Reused);
        var stored = store.Find("a@example.com")!.Auth.AccessToken;
        Assert.All(results, r => Assert.Equal(stored, r.Auth.Auth.AccessToken));
    }
}
