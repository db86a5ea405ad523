using System.Security.Cryptography;
using System.Text;
using JwtAuth.Core.Store;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.Store;

/// <summary>
/// Several real processes (tests/JwtAuth.StoreProbe) against one store folder, as scheduled tasks and
/// pipeline agents do: concurrent writers, concurrent renewals, and writers killed mid-write.
/// </summary>
public sealed class MultiProcessStoreTests : IDisposable
{
    private readonly TempStoreFolder _folder = new();
    private readonly List<ProbeProcess> _probes = new();

    public void Dispose()
    {
        foreach (var probe in _probes) probe.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Eight_processes_saving_eight_orgs_at_the_same_moment_all_end_up_stored()
    {
        var barrier = Path.Combine(_folder.Root, "go");
        const int count = 8;
        for (var i = 0; i < count; i++)
            _probes.Add(ProbeProcess.Start("save", _folder.StorePath, $"user{i}@example.com", $"alias{i}", (i == 3).ToString(), barrier));
        foreach (var probe in _probes) probe.ExpectLine("READY");

        File.WriteAllText(barrier, "go");
        // Meanwhile this process reads without a lock, as Get-SfOrgAuth does: it must never meet a damaged file.
        var reader = _folder.Open();
        var reads = 0;
        while (_probes.Any(p => !p.HasExited))
        {
            Assert.Empty(reader.ReadAll().Problems);
            reads++;
            Thread.Sleep(10);
        }
        foreach (var probe in _probes) probe.ExpectLine("DONE");
        Assert.All(_probes, p => Assert.Equal(0, p.WaitForExit()));
        Assert.True(reads > 0);

        var snapshot = _folder.Open().ReadAll();
        Assert.Empty(snapshot.Problems);
        Assert.Equal(count, snapshot.Auths.Count);
        for (var i = 0; i < count; i++)
        {
            var auth = snapshot.Find($"user{i}@example.com")!;
            Assert.Equal($"token-of-user{i}@example.com", auth.Auth.AccessToken);
            Assert.Equal(new[] { $"alias{i}", $"alias{i}-second" }, auth.Aliases);
            Assert.Equal(i == 3, auth.IsDefault);
        }
        Assert.Equal(2 * count, snapshot.Aliases.Count);
        foreach (var json in _folder.AllFiles().Where(f => f.EndsWith(".json", StringComparison.Ordinal)))
            Assert.Equal(1, JObject.Parse(File.ReadAllText(json))["version"]!.Value<int>());
        Assert.DoesNotContain(_folder.AllFiles(), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_processes_renewing_one_org_at_once_mint_once_and_agree_on_the_token()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("shared@example.com", token: "expired", alias: "shared"), setDefault: true);
        var barrier = Path.Combine(_folder.Root, "go");
        _probes.Add(ProbeProcess.Start("renew", _folder.StorePath, "shared@example.com", barrier, "300"));
        _probes.Add(ProbeProcess.Start("renew", _folder.StorePath, "shared@example.com", barrier, "300"));
        foreach (var probe in _probes) probe.ExpectLine("READY");

        File.WriteAllText(barrier, "go");
        var outcomes = _probes.Select(p => p.ExpectLine("")).ToList();
        Assert.All(_probes, p => Assert.Equal(0, p.WaitForExit()));

        Assert.Single(outcomes, o => o.StartsWith("MINTED ", StringComparison.Ordinal));
        Assert.Single(outcomes, o => o.StartsWith("REUSED ", StringComparison.Ordinal));
        var stored = store.Find("shared")!;
        var fingerprint = Fingerprint(stored.Auth.AccessToken!);
        Assert.All(outcomes, o => Assert.EndsWith(" " + fingerprint, o));
        Assert.StartsWith("minted-by-", stored.Auth.AccessToken);
        Assert.Equal(2, stored.Revision);
        Assert.True(stored.IsDefault);
        Assert.Equal("shared", stored.Alias);
        Assert.Empty(store.ReadAll().Problems);
    }

    [Fact]
    public void Writer_killed_before_its_rename_leaves_the_previous_auth_and_a_free_lock()
    {
        var store = _folder.Open(lockTimeout: TimeSpan.FromSeconds(20));
        store.Save(SampleAuths.For("org@example.com", token: "original-token", alias: "orig"));
        store.Save(SampleAuths.For("other@example.com"), setDefault: true);
        var before = File.ReadAllBytes(_folder.OrgFile("org@example.com"));

        var writer = Start("hang-before-commit", _folder.StorePath, "org@example.com", "newalias", "org");
        var temp = writer.ExpectLine("STAGED ").Substring("STAGED ".Length);
        var staged = Directory.GetFiles(Path.Combine(_folder.StorePath, "orgs"), ".*.tmp");
        Assert.Single(staged);
        Assert.Equal(_folder.OrgFile("org@example.com"), temp);

        // Readers take no lock: while the writer holds it, they still see the old content.
        AssertOriginal(store.ReadAll());
        writer.Kill();

        var snapshot = store.ReadAll();
        AssertOriginal(snapshot);
        Assert.Equal(before, File.ReadAllBytes(_folder.OrgFile("org@example.com")));

        store.Save(SampleAuths.For("next@example.com"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder.StorePath, "orgs"), ".*.tmp"));
        Assert.Equal(3, store.ReadAll().Auths.Count);
    }

    [Fact]
    public void Writer_killed_between_the_org_file_and_settings_leaves_a_readable_consistent_store()
    {
        var store = _folder.Open(lockTimeout: TimeSpan.FromSeconds(20));
        store.Save(SampleAuths.For("org@example.com", token: "original-token", alias: "orig"));
        store.Save(SampleAuths.For("other@example.com"), setDefault: true);
        var settingsBefore = File.ReadAllBytes(_folder.SettingsFile);

        var writer = Start("hang-before-commit", _folder.StorePath, "org@example.com", "newalias", "settings");
        writer.ExpectLine("STAGED ");
        writer.Kill();

        var snapshot = store.ReadAll();
        Assert.Empty(snapshot.Problems);
        Assert.Equal(2, snapshot.Auths.Count);
        var org = snapshot.Find("org@example.com")!;
        Assert.Equal("Written by the killed process", org.Auth.OrgName);
        Assert.Equal("token-never-committed", org.Auth.AccessToken);
        Assert.Equal(new[] { "orig" }, org.Aliases);
        Assert.Equal("other@example.com", snapshot.Default!.Username);
        Assert.Equal(settingsBefore, File.ReadAllBytes(_folder.SettingsFile));
        Assert.Single(Directory.GetFiles(_folder.StorePath, ".settings.json.*.tmp"));

        store.SetAlias("newalias", "org@example.com");
        Assert.Empty(Directory.GetFiles(_folder.StorePath, ".*.tmp"));
        Assert.Equal("org@example.com", store.Find("newalias")!.Username);
    }

    [Fact]
    public void Org_lock_held_by_a_live_process_times_out_and_is_released_when_it_is_killed()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("org@example.com"));
        var holder = Start("hold-org-lock", _folder.StorePath, "org@example.com");
        holder.ExpectLine("LOCKED");

        var error = Assert.Throws<StoreException>(() => store.AcquireOrgLock("ORG@example.com", TimeSpan.FromMilliseconds(200)));
        Assert.Equal(StoreErrorIds.LockTimeout, error.ErrorId);
        Assert.Contains(".lock", error.Message);
        using (store.AcquireOrgLock("someone-else@example.com", TimeSpan.FromSeconds(5))) { }

        holder.Kill();
        using (store.AcquireOrgLock("org@example.com", TimeSpan.FromSeconds(20))) { }
    }

    [Fact]
    public async Task Save_waiting_for_another_process_s_store_lock_stops_when_cancelled_and_writes_nothing()
    {
        // Minutes of lock timeout against a holder that never lets go: only the cancellation can end this wait
        // early, and a wait that ignored it would end in StoreLockTimeout instead of OperationCanceledException.
        var store = _folder.Open(lockTimeout: TimeSpan.FromMinutes(2));
        store.Save(SampleAuths.For("org@example.com", token: "original-token", alias: "orig"), setDefault: true);
        var before = _folder.FilesExceptLocks();
        var holder = Start("hang-before-commit", _folder.StorePath, "org@example.com", "newalias", "org");
        holder.ExpectLine("STAGED ");

        using var cancel = new CancellationTokenSource();
        var save = Task.Run(() => store.Save(SampleAuths.For("new@example.com", alias: "new"), setDefault: true, cancellationToken: cancel.Token));
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<OperationCanceledException>(() => save);
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.False(holder.HasExited);
        Assert.Equal(StoreErrorIds.LockTimeout,
            Assert.Throws<StoreException>(() => _folder.Open(lockTimeout: TimeSpan.FromMilliseconds(200)).Save(SampleAuths.For("probe@example.com"))).ErrorId);
        // Beside the files as they were, only the holder's own staged temporary file.
        var after = _folder.FilesExceptLocks();
        Assert.Single(after.Keys, f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Equal(before.Keys.Order(), after.Keys.Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)).Order());
        foreach (var (path, bytes) in before) Assert.Equal(bytes, after[path]);
        Assert.Null(store.Find("new@example.com"));
    }

    [Fact]
    public async Task Renewal_waiting_for_another_process_s_org_lock_stops_when_cancelled_without_minting()
    {
        var store = _folder.Open();
        store.Save(SampleAuths.For("org@example.com", token: "expired"));
        var seen = store.Find("org@example.com")!;
        var before = _folder.FilesExceptLocks();
        var holder = Start("hold-org-lock", _folder.StorePath, "org@example.com");
        holder.ExpectLine("LOCKED");

        using var cancel = new CancellationTokenSource();
        var renewal = Task.Run(() => store.RenewToken(seen, _ => throw new InvalidOperationException("must not mint"), TimeSpan.FromMinutes(2), cancel.Token));
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<OperationCanceledException>(() => renewal);
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.False(holder.HasExited);
        Assert.Equal(StoreErrorIds.LockTimeout,
            Assert.Throws<StoreException>(() => store.AcquireOrgLock("org@example.com", TimeSpan.FromMilliseconds(200))).ErrorId);
        var after = _folder.FilesExceptLocks();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, bytes) in before) Assert.Equal(bytes, after[path]);
    }

    private ProbeProcess Start(params string[] args)
    {
        var probe = ProbeProcess.Start(args);
        _probes.Add(probe);
        return probe;
    }

    private static void AssertOriginal(StoreSnapshot snapshot)
    {
        Assert.Empty(snapshot.Problems);
        Assert.Equal(2, snapshot.Auths.Count);
        var org = snapshot.Find("org@example.com")!;
        Assert.Equal("original-token", org.Auth.AccessToken);
        Assert.Equal("Sample Org", org.Auth.OrgName);
        Assert.Equal(new[] { "orig" }, org.Aliases);
        Assert.Null(snapshot.Find("newalias"));
        Assert.Equal("other@example.com", snapshot.Default!.Username);
    }

    private static string Fingerprint(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).Substring(0, 16);
}
