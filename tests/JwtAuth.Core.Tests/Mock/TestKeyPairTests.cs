using System.Diagnostics;
using MockSalesforce.Testing;

namespace JwtAuth.Core.Tests.Mock;

public class TestKeyPairTests
{
    [Fact]
    public async Task WrittenKeyIsOwnerOnlyAndOpenSslAgreesItMatchesTheCertificate()
    {
        string folder = Directory.CreateTempSubdirectory("mock-keypair-").FullName;
        try
        {
            using var keys = TestKeyPair.Create();
            var (keyPath, certificatePath) = keys.WriteTo(folder);

            string keyModulus = await OpenSslAsync("rsa", "-noout", "-modulus", "-in", keyPath);
            string certificateModulus = await OpenSslAsync("x509", "-noout", "-modulus", "-in", certificatePath);

            Assert.StartsWith("Modulus=", keyModulus);
            Assert.Equal(keyModulus, certificateModulus);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> OpenSslAsync(params string[] args)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"openssl {args[0]} failed: {await stderr}");
        return (await stdout).Trim();
    }
}
