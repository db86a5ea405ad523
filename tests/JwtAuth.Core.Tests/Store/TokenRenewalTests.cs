using JwtAuth.Core.Model;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.Tests.Store;

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
