using JwtAuth.Core.Model;
using JwtAuth.Core.SfCli;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.SfCli;

public sealed class SfCliAuthRegistrarTests : IDisposable
{
    private readonly TempHome _home = new();
    private readonly string _key;
    private readonly SfCliAuthRegistrar _registrar;

    public SfCliAuthRegistrarTests()
    {
        _key = _home.NewKeyFile();
        _registrar = new SfCliAuthRegistrar(_home.Paths);
    }

    public void Dispose() => _home.Dispose();

    [Fact]
    public void A_new_org_gets_a_token_free_auth_file_in_the_clis_format()
    {
        var result = _registrar.Register(TempHome.Org("hub@example.com"), _key, alias: null, setDefault: false, setDefaultDevHub: false);

        var path = _home.SfdxFile("hub@example.com.json");
        Assert.Equal(path, result.AuthFile);
        Assert.False(result.UpdatedExistingAuth);
        var text = File.ReadAllText(path);
        Assert.StartsWith("{\n  \"username\": \"hub@example.com\",\n  \"orgId\": \"00D000000000001EAA\",", text);
        Assert.False(text.EndsWith("\n"), "Node's JSON.stringify writes no trailing newline");
        var json = JObject.Parse(text);
        Assert.Equal("https://example.my.salesforce.com", (string?)json["loginUrl"]);
        Assert.Equal("https://example.my.salesforce.com", (string?)json["instanceUrl"]);
        Assert.Equal("3MVG9-test-client", (string?)json["clientId"]);
        Assert.Equal(_key, (string?)json["privateKey"]);
        Assert.True((bool)json["isDevHub"]!);
        Assert.False((bool)json["isSandbox"]!);
        Assert.False((bool)json["isScratch"]!);
        Assert.Equal("62.0", (string?)json["instanceApiVersion"]);
        Assert.Equal("005000000000001AAA", (string?)json["userId"]);
        Assert.Equal(JTokenType.Null, json["trailExpirationDate"]!.Type);
        Assert.DoesNotContain("accessToken", text);
        Assert.DoesNotContain("SECRET", text);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.False(File.Exists(_home.Paths.AliasFile), "no alias asked, no alias file");
        AssertNoLeftovers();
    }

    [Fact]
    public void An_existing_auth_file_keeps_its_fields_and_loses_its_tokens()
    {
        _home.WriteSfdx("hub@example.com.json", """
            {
              "username": "hub@example.com",
              "accessToken": "abc123:def",
              "refreshToken": "ffee:0011",
              "orgId": "00D000000000001EAA",
              "loginUrl": "https://login.salesforce.com",
              "instanceUrl": "https://old.my.salesforce.com",
              "created": "1700000000000",
              "devHubUsername": "other@example.com",
              "instanceApiVersionLastRetrieved": "11/20/2026, 9:00:00 AM",
              "tracksSource": true
            }
            """);

        var result = _registrar.Register(TempHome.Org("hub@example.com"), _key, null, false, false);

        Assert.True(result.UpdatedExistingAuth);
        Assert.True(result.RemovedStoredTokens);
        var json = JObject.Parse(File.ReadAllText(result.AuthFile));
        Assert.Null(json["accessToken"]);
        Assert.Null(json["refreshToken"]);
        Assert.Equal("1700000000000", (string?)json["created"]);
        Assert.Equal("other@example.com", (string?)json["devHubUsername"]);
        Assert.Equal("11/20/2026, 9:00:00 AM", (string?)json["instanceApiVersionLastRetrieved"]);
        Assert.True((bool)json["tracksSource"]!);
        Assert.Equal("https://example.my.salesforce.com", (string?)json["loginUrl"]);
        Assert.Equal("https://example.my.salesforce.com", (string?)json["instanceUrl"]);
        Assert.Equal(new[] { "username", "orgId", "loginUrl", "instanceUrl", "created" }, json.Properties().Select(p => p.Name).Take(5));
    }

    [Fact]
    public void Alias_and_defaults_are_set_while_other_orgs_aliases_and_keys_stay_untouched()
    {
        const string otherAuth = "{\n  \"username\": \"other@example.com\",\n  \"orgId\": \"00D000000000002EAA\",\n  \"accessToken\": \"x:y\"\n}";
        _home.WriteSfdx("other@example.com.json", otherAuth);
        _home.WriteSfdx("alias.json", """{"orgs":{"other":"other@example.com","hub":"old-hub@example.com","keep":"old-hub@example.com"}}""");
        _home.WriteSf("config.json", "{\n  \"target-org\": \"other\",\n  \"org-api-version\": \"61.0\"\n}");
        _home.WriteSfdx("sfdx-config.json", "{\n  \"defaultusername\": \"other\",\n  \"restDeploy\": \"false\"\n}");

        _registrar.Register(TempHome.Org("hub@example.com"), _key, alias: "hub", setDefault: false, setDefaultDevHub: true);

        Assert.Equal(otherAuth, File.ReadAllText(_home.SfdxFile("other@example.com.json")));
        var aliases = (JObject)JObject.Parse(File.ReadAllText(_home.Paths.AliasFile))["orgs"]!;
        Assert.Equal("hub@example.com", (string?)aliases["hub"]);
        Assert.Equal("other@example.com", (string?)aliases["other"]);
        Assert.Equal("old-hub@example.com", (string?)aliases["keep"]);
        Assert.Equal(3, aliases.Count);

        var sf = JObject.Parse(File.ReadAllText(_home.Paths.SfConfigFile));
        Assert.Equal("hub", (string?)sf["target-dev-hub"]);
        Assert.Equal("other", (string?)sf["target-org"]);
        Assert.Equal("61.0", (string?)sf["org-api-version"]);
        var sfdx = JObject.Parse(File.ReadAllText(_home.Paths.SfdxConfigFile));
        Assert.Equal("hub", (string?)sfdx["defaultdevhubusername"]);
        Assert.Equal("other", (string?)sfdx["defaultusername"]);
        Assert.Equal("false", (string?)sfdx["restDeploy"]);
        AssertNoLeftovers();
    }

    [Fact]
    public void Set_default_without_alias_stores_the_username_in_both_configs()
    {
        _registrar.Register(TempHome.Org("prod@example.com", OrgType.Production), _key, null, setDefault: true, setDefaultDevHub: false);

        Assert.Equal("prod@example.com", (string?)JObject.Parse(File.ReadAllText(_home.Paths.SfConfigFile))["target-org"]);
        Assert.Equal("prod@example.com", (string?)JObject.Parse(File.ReadAllText(_home.Paths.SfdxConfigFile))["defaultusername"]);
        var auth = JObject.Parse(File.ReadAllText(_home.SfdxFile("prod@example.com.json")));
        Assert.False((bool)auth["isDevHub"]!);
    }

    [Fact]
    public void A_corrupt_alias_file_stops_everything_with_its_name_and_nothing_is_written()
    {
        const string broken = "{\"orgs\":{\"a\":\"a@example.com\",";
        _home.WriteSfdx("alias.json", broken);

        var e = Assert.Throws<SfCliException>(() => _registrar.Register(TempHome.Org("hub@example.com"), _key, "hub", true, true));

        Assert.Equal(SfCliErrorIds.FileCorrupt, e.ErrorId);
        Assert.Contains(_home.Paths.AliasFile, e.Message);
        Assert.Equal(broken, File.ReadAllText(_home.Paths.AliasFile));
        Assert.False(File.Exists(_home.SfdxFile("hub@example.com.json")));
        Assert.False(File.Exists(_home.Paths.SfConfigFile));
        AssertNoLeftovers();
    }

    [Fact]
    public void An_unreadable_config_file_stops_the_change_before_the_auth_file_is_written()
    {
        Directory.CreateDirectory(_home.Paths.SfConfigFile); // a folder where the CLI's config file should be

        var e = Assert.Throws<SfCliException>(() => _registrar.Register(TempHome.Org("hub@example.com"), _key, "hub", setDefault: true, setDefaultDevHub: false));

        Assert.Equal(SfCliErrorIds.FileUnreadable, e.ErrorId);
        Assert.Contains(_home.Paths.SfConfigFile, e.Message);
        Assert.False(File.Exists(_home.SfdxFile("hub@example.com.json")));
        Assert.False(File.Exists(_home.Paths.AliasFile));
        AssertNoLeftovers();
    }

    [Fact]
    public void Bad_inputs_are_refused_before_any_file_is_touched()
    {
        var incomplete = TempHome.Org("hub@example.com");
        incomplete.LoginUrl = "";
        Assert.Equal(SfCliErrorIds.AuthIncomplete, Assert.Throws<SfCliException>(() => _registrar.Register(incomplete, _key, null, false, false)).ErrorId);
        Assert.Equal(SfCliErrorIds.InvalidAlias, Assert.Throws<SfCliException>(() => _registrar.Register(TempHome.Org("hub@example.com"), _key, "my hub", false, false)).ErrorId);
        Assert.Equal(SfCliErrorIds.NotADevHub, Assert.Throws<SfCliException>(() => _registrar.Register(TempHome.Org("sb@example.com", OrgType.Sandbox), _key, null, false, true)).ErrorId);
        Assert.False(Directory.Exists(_home.Paths.SfdxDirectory));
    }

    [Fact]
    public void A_stale_lock_left_by_a_crashed_writer_is_taken_over_and_removed()
    {
        Directory.CreateDirectory(_home.Paths.SfdxDirectory);
        var lockDir = _home.Paths.AliasFile + ".lock";
        Directory.CreateDirectory(lockDir);
        Directory.SetLastWriteTimeUtc(lockDir, DateTime.UtcNow.AddSeconds(-30));

        _registrar.Register(TempHome.Org("hub@example.com"), _key, "hub", false, false);

        Assert.Equal("hub@example.com", (string?)JObject.Parse(File.ReadAllText(_home.Paths.AliasFile))["orgs"]!["hub"]);
        Assert.False(Directory.Exists(lockDir));
    }

    [Fact]
    public void A_fresh_lock_that_never_goes_away_ends_in_a_locked_error_and_nothing_is_written()
    {
        Directory.CreateDirectory(_home.Paths.SfdxDirectory);
        var lockDir = _home.Paths.AliasFile + ".lock";
        Directory.CreateDirectory(lockDir);
        var registrar = new SfCliAuthRegistrar(_home.Paths, new SfCliLockOptions { Timeout = TimeSpan.FromSeconds(1) });

        var e = Assert.Throws<SfCliException>(() => registrar.Register(TempHome.Org("hub@example.com"), _key, "hub", false, false));

        Assert.Equal(SfCliErrorIds.FileLocked, e.ErrorId);
        Assert.Contains(lockDir, e.Message);
        Assert.True(Directory.Exists(lockDir), "someone else's live lock is not ours to remove");
        Assert.False(File.Exists(_home.SfdxFile("hub@example.com.json")));
        Assert.False(Directory.Exists(_home.SfdxFile("hub@example.com.json.lock")), "our own lock is released on failure");
    }

    [Fact]
    public async Task A_held_lock_makes_the_writer_wait_until_it_is_released()
    {
        Directory.CreateDirectory(_home.Paths.SfdxDirectory);
        var lockDir = _home.Paths.AliasFile + ".lock";
        Directory.CreateDirectory(lockDir);

        var writer = Task.Run(() => _registrar.Register(TempHome.Org("hub@example.com"), _key, "hub", false, false));
        await Task.Delay(500);
        Assert.False(writer.IsCompleted, "the writer must wait while the alias file is locked");
        Assert.False(File.Exists(_home.Paths.AliasFile));

        Directory.Delete(lockDir);
        await writer.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("hub@example.com", (string?)JObject.Parse(File.ReadAllText(_home.Paths.AliasFile))["orgs"]!["hub"]);
    }

    [Fact]
    public void Concurrent_threads_registering_different_orgs_all_land_in_the_alias_file()
    {
        const int writers = 12;
        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, i =>
            new SfCliAuthRegistrar(_home.Paths).Register(TempHome.Org($"user{i}@example.com", OrgType.Production), _key, $"org{i}", setDefault: true, setDefaultDevHub: false));

        var aliases = (JObject)JObject.Parse(File.ReadAllText(_home.Paths.AliasFile))["orgs"]!;
        Assert.Equal(writers, aliases.Count);
        for (var i = 0; i < writers; i++)
        {
            Assert.Equal($"user{i}@example.com", (string?)aliases[$"org{i}"]);
            Assert.True(File.Exists(_home.SfdxFile($"user{i}@example.com.json")));
        }
        AssertNoLeftovers();
    }

    private void AssertNoLeftovers()
    {
        foreach (var dir in new[] { _home.Paths.SfdxDirectory, _home.Paths.SfDirectory }.Where(Directory.Exists))
        {
            Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
            Assert.Empty(Directory.GetDirectories(dir, "*.lock"));
        }
    }

    // Prepare: a registration staged under the CLI's locks; nothing is written before Commit, and a wait for a lock ends on cancellation.
    [Fact]
    public void Prepared_files_are_locked_and_unwritten_until_commit()
    {
        using (var pending = _registrar.Prepare(TempHome.Org("hub@example.com"), _key, "hub", setDefault: true, setDefaultDevHub: false, CancellationToken.None))
        {
            Assert.False(File.Exists(_home.SfdxFile("hub@example.com.json")));
            Assert.True(Directory.Exists(_home.Paths.AliasFile + ".lock"));

            var result = pending.Commit();

            Assert.Equal(_home.SfdxFile("hub@example.com.json"), result.AuthFile);
        }

        Assert.False(Directory.Exists(_home.Paths.AliasFile + ".lock"));
        Assert.Equal("hub@example.com", (string?)JObject.Parse(File.ReadAllText(_home.Paths.AliasFile))["orgs"]!["hub"]);
    }

    [Fact]
    public void A_registration_disposed_without_commit_writes_nothing_and_frees_its_locks()
    {
        _registrar.Prepare(TempHome.Org("hub@example.com"), _key, "hub", setDefault: true, setDefaultDevHub: false, CancellationToken.None).Dispose();

        Assert.Empty(Directory.GetFileSystemEntries(_home.Paths.SfdxDirectory));
        _registrar.Register(TempHome.Org("other@example.com"), _key, "other", false, false);
        Assert.True(File.Exists(_home.SfdxFile("other@example.com.json")));
    }

    [Fact]
    public async Task Cancelling_ends_a_wait_for_a_lock_another_writer_holds_and_writes_nothing()
    {
        Directory.CreateDirectory(_home.Paths.SfdxDirectory);
        Directory.CreateDirectory(_home.Paths.AliasFile + ".lock");
        using var cancel = new CancellationTokenSource();

        var waiting = Task.Run(() => _registrar.Prepare(TempHome.Org("hub@example.com"), _key, "hub", false, false, cancel.Token));
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted, "the registration must wait while the alias file is locked");
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.False(File.Exists(_home.SfdxFile("hub@example.com.json")));
        Assert.False(Directory.Exists(_home.SfdxFile("hub@example.com.json.lock")));
    }
}
