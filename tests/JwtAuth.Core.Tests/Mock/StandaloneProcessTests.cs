using System.Net;
using System.Net.Http.Json;
using MockSalesforce.Model;
using MockSalesforce.Testing;

namespace JwtAuth.Core.Tests.Mock;

public class StandaloneProcessTests
{
    [Fact]
    public async Task PrintsItsUrlAnswersAndExitsAfterItsLifetime()
    {
        using var mock = await StandaloneMock.StartAsync("--lifetime-seconds", "3");
        using var http = new HttpClient { BaseAddress = new Uri(mock.BaseUrl) };

        using var versions = await http.GetAsync("/services/data");

        Assert.Matches(@"^http://127\.0\.0\.1:\d+$", mock.BaseUrl);
        Assert.Equal(HttpStatusCode.OK, versions.StatusCode);
        Assert.True(await mock.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the mock outlived its lifetime");
        Assert.Equal(0, mock.Process.ExitCode);
    }

    [Fact]
    public async Task LoadsSetupJsonAndStopsOnShutdownRequest()
    {
        using var keys = TestKeyPair.Create();
        using var folder = await SetupFolder.CreateAsync(keys.CertificatePem, """
            {
              "apps": [ { "consumerKey": "KEY-FILE", "certificatePath": "app.crt" } ],
              "orgs": [ { "kind": "Production", "name": "FileOrg" } ],
              "users": [ { "username": "prod@file.example", "org": "FileOrg", "preAuthorizedFor": [ "KEY-FILE" ] } ]
            }
            """);
        using var mock = await StandaloneMock.StartAsync("--config", folder.SetupJson, "--lifetime-seconds", "120");
        using var http = new HttpClient { BaseAddress = new Uri(mock.BaseUrl) };

        using var token = await http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = HandMadeAssertion.Sign(keys.Key, HandMadeAssertion.Claims("KEY-FILE", "prod@file.example", Audiences.Production)),
        }));
        using var shutdown = await http.PostAsync("/__mock/shutdown", content: null);

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shutdown.StatusCode);
        Assert.True(await mock.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the mock ignored the shutdown request");
        Assert.Equal(0, mock.Process.ExitCode);
    }

    [Fact]
    public async Task ExitsWhenItsParentProcessDies()
    {
        using var parent = await StandaloneMock.StartAsync("--lifetime-seconds", "120");
        using var child = await StandaloneMock.StartAsync("--parent-pid", parent.Process.Id.ToString(), "--lifetime-seconds", "120");

        parent.Process.Kill();

        Assert.True(await child.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the mock outlived its parent");
    }

    [Fact]
    public async Task UnreadableCertificateInSetupExitsWithTheProblem()
    {
        string folder = Directory.CreateTempSubdirectory("mock-badsetup-").FullName;
        try
        {
            string setup = Path.Combine(folder, "setup.json");
            await File.WriteAllTextAsync(setup, """{ "apps": [ { "consumerKey": "K", "certificatePath": "missing.crt" } ] }""");
            using var process = StandaloneMock.Spawn("--config", setup);
            string stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.Equal(1, process.ExitCode);
            Assert.Contains("missing.crt", stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task UnknownArgumentExitsWithUsage()
    {
        using var process = StandaloneMock.Spawn("--bogus");
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Unknown argument '--bogus'", stderr);
        Assert.Contains("Usage:", stderr);
    }
}
