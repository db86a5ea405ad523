using System.Diagnostics;
using System.Net;
using System.Text;
using MockSalesforce.Jwt;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Mock;

/// <summary>The mock against a signer that is not .NET at all: openssl makes the key, certificate and signature.</summary>
public class OpenSslInteropTests
{
    [Fact]
    public async Task AssertionSignedByOpenSslIsAcceptedWithItsCertificate()
    {
        string folder = Directory.CreateTempSubdirectory("mock-openssl-").FullName;
        try
        {
            string key = Path.Combine(folder, "server.key");
            string cert = Path.Combine(folder, "server.crt");
            await OpenSslAsync(null, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=openssl-interop");
            await using var mock = await MockFixture.StartAsync();
            mock.Server.AddConnectedApp("KEY-OPENSSL", await File.ReadAllTextAsync(cert));
            mock.HubUser.PreAuthorize(mock.Server.Directory.FindApp("KEY-OPENSSL")!);
            string header = Base64Url.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"));
            string claims = Base64Url.Encode(Encoding.UTF8.GetBytes(
                $"{{\"iss\":\"KEY-OPENSSL\",\"sub\":\"{mock.HubUser.Username}\",\"aud\":\"{Audiences.Production}\",\"exp\":{DateTimeOffset.UtcNow.AddMinutes(3).ToUnixTimeSeconds()}}}"));
            byte[] signature = await OpenSslAsync(Encoding.ASCII.GetBytes(header + "." + claims), "dgst", "-sha256", "-sign", key);

            using var response = await mock.PostTokenAsync(header + "." + claims + "." + Base64Url.Encode(signature));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<byte[]> OpenSslAsync(byte[]? input, params string[] args)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        if (input is not null) await process.StandardInput.BaseStream.WriteAsync(input);
        process.StandardInput.Close();
        await copy;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"openssl {args[0]} failed: {await stderr}");
        return output.ToArray();
    }
}
