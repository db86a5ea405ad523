using System.Diagnostics;
using JwtAuth.Core.SfCli;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.SfCli;

/// <summary>Several processes at once, and the home folder as a fresh process resolves it.</summary>
public sealed class SfCliProcessTests : IDisposable
{
    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Concurrent_processes_registering_different_orgs_all_land_in_alias_json_and_the_config()
    {
        var key = _home.NewKeyFile();
        const int writers = 6;
        var runs = Enumerable.Range(0, writers).Select(i => DriverProcess.RunAsync(_home.Root, "register-sfcli",
            "--username", $"p{i}@example.com", "--org-id", $"00D00000000000{i}EAA", "--instance-url", "https://p.my.salesforce.com",
            "--login-url", "https://login.salesforce.com", "--client-id", "3MVG9-p", "--key-file", key,
            "--org-type", "Production", "--alias", $"proc{i}", "--set-default")).ToList();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));
        var aliases = (JObject)JObject.Parse(File.ReadAllText(_home.Paths.AliasFile))["orgs"]!;
        Assert.Equal(Enumerable.Range(0, writers).Select(i => $"proc{i}"), aliases.Properties().Select(p => p.Name).OrderBy(n => n));
        var target = (string?)JObject.Parse(File.ReadAllText(_home.Paths.SfConfigFile))["target-org"];
        Assert.Contains(target, aliases.Properties().Select(p => p.Name));
        Assert.Equal(writers, new SfCliAuthReader(_home.Paths).ListOrgs().Count(o => o.CanImport));
        Assert.Empty(Directory.GetDirectories(_home.Paths.SfdxDirectory, "*.lock"));
    }

    [Fact]
    public async Task The_home_is_HOME_when_set_and_the_passwd_entry_when_not()
    {
        if (OperatingSystem.IsWindows()) return;

        var withHome = await DriverProcess.RunAsync(_home.Root, "print-home");
        Assert.Equal(_home.Root, withHome.Output.Trim());

        var passwdHome = PasswdHome();
        var withoutHome = await DriverProcess.RunAsync(null, "print-home");
        Assert.Equal(0, withoutHome.ExitCode);
        Assert.Equal(passwdHome, withoutHome.Output.Trim());
    }

    private static string PasswdHome()
    {
        var id = Process.Start(new ProcessStartInfo("id", "-u") { RedirectStandardOutput = true })!;
        var uid = id.StandardOutput.ReadToEnd().Trim();
        id.WaitForExit();
        var line = File.ReadLines("/etc/passwd").First(l => l.Split(':')[2] == uid);
        return line.Split(':')[5];
    }
}
