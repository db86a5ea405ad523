using JwtAuth.Core.Model;
using JwtAuth.Core.SfCli;

namespace JwtAuth.Core.Tests.SfCli;

public sealed class SfCliAuthReaderTests : IDisposable
{
    private const string TokenValue = "deadbeef0011:cafe";
    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void Jwt_web_and_access_token_orgs_are_classified_and_only_jwt_ones_are_importable()
    {
        var key = _home.NewKeyFile();
        _home.WriteSfdx("jwt@example.com.json", $$"""
            {"username":"jwt@example.com","accessToken":"{{TokenValue}}","orgId":"00D000000000001EAA","loginUrl":"https://hub.my.salesforce.com",
             "instanceUrl":"https://hub.my.salesforce.com","clientId":"3MVG9-app","privateKey":"{{key}}","isDevHub":true,"instanceApiVersion":"62.0"}
            """);
        _home.WriteSfdx("web@example.com.json", $$"""
            {"username":"web@example.com","accessToken":"{{TokenValue}}","refreshToken":"{{TokenValue}}","orgId":"00D000000000002EAA",
             "loginUrl":"https://login.salesforce.com","instanceUrl":"https://web.my.salesforce.com","clientId":"PlatformCLI","isDevHub":false,"isSandbox":true}
            """);
        _home.WriteSfdx("at@example.com.json", $$"""
            {"username":"at@example.com","accessToken":"{{TokenValue}}","orgId":"00D000000000003EAA","instanceUrl":"https://at.my.salesforce.com","isScratch":true}
            """);
        _home.WriteSfdx("alias.json", """{"orgs":{"hub":"jwt@example.com","devhub":"jwt@example.com","web":"web@example.com"}}""");
        _home.WriteSfdx("key.json", """{"account":"local","key":"00112233445566778899aabbccddeeff","service":"sfdx"}""");
        _home.WriteSfdx("sfdx-config.json", """{"defaultusername":"web@example.com"}""");
        _home.WriteSf("config.json", """{"target-dev-hub":"devhub"}""");

        var orgs = new SfCliAuthReader(_home.Paths).ListOrgs();

        Assert.Equal(new[] { "at@example.com", "jwt@example.com", "web@example.com" }, orgs.Select(o => o.Username));
        var jwt = orgs[1];
        Assert.Equal(SfCliAuthMethod.Jwt, jwt.AuthMethod);
        Assert.True(jwt.CanImport, jwt.CannotImportReason);
        Assert.Null(jwt.CannotImportReason);
        Assert.Equal(key, jwt.KeyFile);
        Assert.Equal("3MVG9-app", jwt.ClientId);
        Assert.Equal("https://hub.my.salesforce.com", jwt.LoginUrl);
        Assert.Equal("00D000000000001EAA", jwt.OrgId);
        Assert.Equal(OrgType.DevHub, jwt.OrgType);
        Assert.Equal(new[] { "devhub", "hub" }, jwt.Aliases);
        Assert.True(jwt.IsDefaultDevHub);
        Assert.False(jwt.IsDefault);

        var web = orgs[2];
        Assert.Equal(SfCliAuthMethod.RefreshToken, web.AuthMethod);
        Assert.False(web.CanImport);
        Assert.Contains("web or device login", web.CannotImportReason);
        Assert.Equal(OrgType.Sandbox, web.OrgType);
        Assert.True(web.IsDefault, "sfdx-config.json's defaultusername counts when ~/.sf/config.json has no target-org");

        var at = orgs[0];
        Assert.Equal(SfCliAuthMethod.AccessTokenOnly, at.AuthMethod);
        Assert.False(at.CanImport);
        Assert.Equal(OrgType.Scratch, at.OrgType);

        // No property of what we return carries a token value.
        foreach (var org in orgs)
            foreach (var property in typeof(SfCliOrg).GetProperties())
                Assert.DoesNotContain(TokenValue, Convert.ToString(property.GetValue(org) is IEnumerable<string> list ? string.Join(",", list) : property.GetValue(org)) ?? "");
    }

    [Fact]
    public void A_jwt_org_whose_key_file_is_gone_is_listed_but_not_importable()
    {
        var gone = Path.Combine(_home.Root, "moved.key");
        _home.WriteSfdx("jwt@example.com.json", $$"""{"username":"jwt@example.com","orgId":"00D000000000001EAA","instanceUrl":"https://x.my.salesforce.com","clientId":"c","privateKey":"{{gone}}"}""");

        var org = Assert.Single(new SfCliAuthReader(_home.Paths).ListOrgs());

        Assert.Equal(SfCliAuthMethod.Jwt, org.AuthMethod);
        Assert.False(org.CanImport);
        Assert.Contains("no longer exists", org.CannotImportReason);
        Assert.Null(org.LoginUrl);
    }

    [Fact]
    public void A_broken_auth_file_is_reported_by_its_name_and_other_json_files_are_skipped()
    {
        _home.WriteSfdx("broken@example.com.json", "{\"username\":");
        _home.WriteSfdx("stuff.json", "[1,2,3]");
        _home.WriteSfdx("notes.json", "{\"hello\":\"world\"}");

        var org = Assert.Single(new SfCliAuthReader(_home.Paths).ListOrgs());

        Assert.Equal("broken@example.com", org.Username);
        Assert.False(org.CanImport);
        Assert.Contains("cannot be read", org.CannotImportReason);
    }

    [Fact]
    public void What_the_registrar_writes_reads_back_as_an_importable_jwt_org_found_by_alias()
    {
        var key = _home.NewKeyFile();
        new SfCliAuthRegistrar(_home.Paths).Register(TempHome.Org("hub@example.com"), key, "hub", setDefault: true, setDefaultDevHub: true);

        var org = new SfCliAuthReader(_home.Paths).Find("hub");

        Assert.NotNull(org);
        Assert.Equal("hub@example.com", org!.Username);
        Assert.True(org.CanImport);
        Assert.True(org.IsDefault);
        Assert.True(org.IsDefaultDevHub);
        Assert.Equal(OrgType.DevHub, org.OrgType);
        Assert.Null(new SfCliAuthReader(_home.Paths).Find("nobody"));
    }

    [Fact]
    public async Task Reading_waits_while_a_writer_holds_the_alias_file_lock()
    {
        _home.WriteSfdx("jwt@example.com.json", """{"username":"jwt@example.com","orgId":"00D000000000001EAA","instanceUrl":"https://x.my.salesforce.com"}""");
        _home.WriteSfdx("alias.json", """{"orgs":{"old":"jwt@example.com"}}""");
        var lockDir = _home.Paths.AliasFile + ".lock";
        Directory.CreateDirectory(lockDir);

        var reading = Task.Run(() => new SfCliAuthReader(_home.Paths).ListOrgs());
        await Task.Delay(300);
        Assert.False(reading.IsCompleted, "the reader waits for the writer");
        // The writer finishes: new content, lock released.
        File.WriteAllText(_home.Paths.AliasFile, """{"orgs":{"new":"jwt@example.com"}}""");
        Directory.Delete(lockDir);

        var org = Assert.Single(await reading.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(new[] { "new" }, org.Aliases);
    }

    [Fact]
    public void A_corrupt_alias_file_is_a_clear_error_naming_it()
    {
        _home.WriteSfdx("alias.json", "{\"orgs\":");

        var e = Assert.Throws<SfCliException>(() => new SfCliAuthReader(_home.Paths).ListOrgs());

        Assert.Equal(SfCliErrorIds.FileCorrupt, e.ErrorId);
        Assert.Contains(_home.Paths.AliasFile, e.Message);
    }

    [Fact]
    public void No_sfdx_folder_means_no_orgs()
    {
        Assert.Empty(new SfCliAuthReader(_home.Paths).ListOrgs());
    }
}
