using System.Diagnostics;
using JwtAuth.Core.Model;
using JwtAuth.Core.SfCli;

namespace JwtAuth.Core.Tests.SfCli;

/// <summary>A throw-away home folder with the CLI's layout, plus helpers to make keys and org auths in it.</summary>
internal sealed class TempHome : IDisposable
{
    public TempHome()
    {
        Root = Path.Combine(Path.GetTempPath(), "jwtauth-sfcli-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
        Paths = new SfCliPaths(Root);
    }

    public string Root { get; }
    public SfCliPaths Paths { get; }

    public string SfdxFile(string name) => Path.Combine(Paths.SfdxDirectory, name);

    public void WriteSfdx(string name, string text)
    {
        Directory.CreateDirectory(Paths.SfdxDirectory);
        File.WriteAllText(SfdxFile(name), text);
    }

    public void WriteSf(string name, string text)
    {
        Directory.CreateDirectory(Paths.SfDirectory);
        File.WriteAllText(Path.Combine(Paths.SfDirectory, name), text);
    }

    /// <summary>An unencrypted PKCS#8 PEM RSA key made by openssl (so the sniffing is checked against a real tool).</summary>
    public string NewKeyFile(string name = "org.key") =>
        Openssl(name, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", Path.Combine(Root, name));

    public string Openssl(string outputName, params string[] args)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Root };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "openssl " + string.Join(' ', args) + " failed: " + error.Result);
        return Path.Combine(Root, outputName);
    }

    public static OrgAuth Org(string username, OrgType type = OrgType.DevHub, string orgId = "00D000000000001EAA") => new()
    {
        Username = username,
        OrgId = orgId,
        UserId = "005000000000001AAA",
        OrgType = type,
        InstanceUrl = "https://example.my.salesforce.com",
        LoginUrl = "https://example.my.salesforce.com",
        Audience = "https://login.salesforce.com",
        ClientId = "3MVG9-test-client",
        ApiVersion = "62.0",
        OrgName = "Example Org",
        InstanceName = "NA1",
        NamespacePrefix = null,
        TrialExpirationDate = null,
        AccessToken = "00D!SECRET-ACCESS-TOKEN-VALUE",
    };

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
