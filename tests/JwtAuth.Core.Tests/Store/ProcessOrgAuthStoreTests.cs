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
    public void Org_lock_wait_stops_when_cancelled_and_takes_nothing()
    {
        var store = new ProcessOrgAuthStore();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using (store.AcquireOrgLock("a@example.com", TimeSpan.FromSeconds(1), cancelled.Token))
        {
            // Minutes of timeout: only the token can end this wait.
            var error = Assert.Throws<OperationCanceledException>(() => store.AcquireOrgLock("A@example.com", TimeSpan.FromMinutes(2), cancelled.Token));
            Assert.Equal(cancelled.Token, error.CancellationToken);
        }
        store.AcquireOrgLock("a@example.com", TimeSpan.FromSeconds(1)).Dispose();
    }

    [Fact]
    public void Shared_is_one_instance()
    {
        Assert.Same(ProcessOrgAuthStore.Shared, ProcessOrgAuthStore.Shared);
    }
}
