using JwtAuth.Core.Model;
using JwtAuth.Core.SfCli;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.SfCli;

public sealed class SfCliAuthRemoverTests : IDisposable
{
    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    [Theory]
    [InlineData("hub")]
    [InlineData("hub@example.com")]
    public void Removing_by_alias_or_username_deletes_the_file_its_aliases_and_the_defaults_naming_it(string name)
    {
        var key = _home.NewKeyFile();
        var registrar = new SfCliAuthRegistrar(_home.Paths);
        registrar.Register(TempHome.Org("hub@example.com"), key, "hub", setDefault: false, setDefaultDevHub: true);
        registrar.Register(TempHome.Org("other@example.com", OrgType.Production), key, "other", setDefault: true, setDefaultDevHub: false);
        var otherAuth = File.ReadAllText(_home.SfdxFile("other@example.com.json"));
        // A second alias, and config keys naming the org by username rather than alias.
        var aliasFile = JObject.Parse(File.ReadAllText(_home.Paths.AliasFile));
        aliasFile["orgs"]!["hub2"] = "hub@example.com";
        File.WriteAllText(_home.Paths.AliasFile, aliasFile.ToString());
        var sfdxConfig = JObject.Parse(File.ReadAllText(_home.Paths.SfdxConfigFile));
        sfdxConfig["defaultdevhubusername"] = "hub@example.com";
        sfdxConfig["apiVersion"] = "62.0";
        File.WriteAllText(_home.Paths.SfdxConfigFile, sfdxConfig.ToString());

        var removal = new SfCliAuthRemover(_home.Paths).Remove(name);

        Assert.Equal("hub@example.com", removal.Username);
        Assert.True(removal.RemovedAuthFile);
        Assert.Equal(new[] { "hub", "hub2" }, removal.RemovedAliases);
        Assert.Equal(new[] { "config.json: target-dev-hub", "sfdx-config.json: defaultdevhubusername" }, removal.RemovedConfigKeys);
        Assert.False(File.Exists(_home.SfdxFile("hub@example.com.json")));
        Assert.Equal(otherAuth, File.ReadAllText(_home.SfdxFile("other@example.com.json")));
        Assert.Equal(JObject.Parse("""{"orgs":{"other":"other@example.com"}}"""), JObject.Parse(File.ReadAllText(_home.Paths.AliasFile)), JToken.EqualityComparer);
        Assert.Equal(JObject.Parse("""{"target-org":"other"}"""), JObject.Parse(File.ReadAllText(_home.Paths.SfConfigFile)), JToken.EqualityComparer);
        Assert.Equal(JObject.Parse("""{"defaultusername":"other","apiVersion":"62.0"}"""), JObject.Parse(File.ReadAllText(_home.Paths.SfdxConfigFile)), JToken.EqualityComparer);
        Assert.Empty(Directory.GetDirectories(_home.Paths.SfdxDirectory, "*.lock"));
    }

    [Fact]
    public void Removing_an_org_the_cli_does_not_know_is_a_not_found_error()
    {
        _home.WriteSfdx("alias.json", """{"orgs":{"x":"x@example.com"}}""");

        var e = Assert.Throws<SfCliException>(() => new SfCliAuthRemover(_home.Paths).Remove("nobody"));

        Assert.Equal(SfCliErrorIds.OrgNotFound, e.ErrorId);
        Assert.Contains("nobody", e.Message);
        Assert.Equal("""{"orgs":{"x":"x@example.com"}}""", File.ReadAllText(_home.Paths.AliasFile));
    }

    [Fact]
    public void A_corrupt_config_file_stops_the_removal_and_the_auth_file_stays()
    {
        new SfCliAuthRegistrar(_home.Paths).Register(TempHome.Org("hub@example.com"), _home.NewKeyFile(), "hub", false, false);
        _home.WriteSfdx("sfdx-config.json", "{ not json");
        var aliasBefore = File.ReadAllText(_home.Paths.AliasFile);

        var e = Assert.Throws<SfCliException>(() => new SfCliAuthRemover(_home.Paths).Remove("hub"));

        Assert.Equal(SfCliErrorIds.FileCorrupt, e.ErrorId);
        Assert.Contains(_home.Paths.SfdxConfigFile, e.Message);
        Assert.True(File.Exists(_home.SfdxFile("hub@example.com.json")));
        Assert.Equal(aliasBefore, File.ReadAllText(_home.Paths.AliasFile));
    }

    [Fact]
    public void A_dangling_alias_without_auth_file_is_still_removed()
    {
        _home.WriteSfdx("alias.json", """{"orgs":{"x":"x@example.com","y":"y@example.com"}}""");

        var removal = new SfCliAuthRemover(_home.Paths).Remove("x");

        Assert.False(removal.RemovedAuthFile);
        Assert.Equal("""{"orgs":{"y":"y@example.com"}}""", File.ReadAllText(_home.Paths.AliasFile));
    }
}
