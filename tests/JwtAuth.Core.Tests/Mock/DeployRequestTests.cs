using System.Net;
using System.Text.Json;
using MockSalesforce;
using MockSalesforce.Metadata;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Mock;

public class DeployRequestTests
{
    private const string DeployPath = HubSession.Api + "/metadata/deployRequest";

    [Fact]
    public async Task ADeployGoesPendingInProgressSucceededAndTheMockKeepsItsZip()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { DeployDuration = TimeSpan.FromMinutes(10) });
        var session = await HubSession.LoginAsync(mock);
        byte[] zip = DeployZip.Settings("shape/", "LightningExperience", "Security");

        using var post = await session.SendAsync(HttpMethod.Post, DeployPath, DeployZip.Request(zip));
        var accepted = await MockFixture.ReadJsonAsync(post);
        string id = accepted.GetProperty("id").GetString()!;
        var pending = await session.GetOkAsync($"{DeployPath}/{id}?includeDetails=true");
        mock.Server.Clock.Advance(TimeSpan.FromMinutes(5));
        var inProgress = await session.GetOkAsync($"{DeployPath}/{id}?includeDetails=true");
        mock.Server.Clock.Advance(TimeSpan.FromMinutes(6));
        var done = await session.GetOkAsync($"{DeployPath}/{id}?includeDetails=true");
        var withoutDetails = await session.GetOkAsync($"{DeployPath}/{id}");
        byte[] kept = await mock.Http.GetByteArrayAsync($"/__mock/deploys/{id}/zip");

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.True(SalesforceId.IsValid(id, "0Af"), id);
        Assert.Equal("Pending", accepted.GetProperty("deployResult").GetProperty("status").GetString());
        Assert.False(accepted.GetProperty("deployResult").GetProperty("done").GetBoolean());
        Assert.True(accepted.GetProperty("deployOptions").GetProperty("rollbackOnError").GetBoolean());
        Assert.False(accepted.GetProperty("deployOptions").GetProperty("checkOnly").GetBoolean());
        Assert.Equal($"{mock.Server.BaseUrl}{DeployPath}/{id}", accepted.GetProperty("url").GetString());
        Assert.Equal("Pending", pending.GetProperty("deployResult").GetProperty("status").GetString());
        Assert.Equal("InProgress", inProgress.GetProperty("deployResult").GetProperty("status").GetString());
        var result = done.GetProperty("deployResult");
        Assert.Equal("Succeeded", result.GetProperty("status").GetString());
        Assert.True(result.GetProperty("done").GetBoolean());
        Assert.True(result.GetProperty("success").GetBoolean());
        Assert.Equal(2, result.GetProperty("numberComponentsTotal").GetInt32());
        Assert.Equal(2, result.GetProperty("numberComponentsDeployed").GetInt32());
        var successes = result.GetProperty("details").GetProperty("componentSuccesses").EnumerateArray()
            .Select(m => m.GetProperty("fileName").GetString()).ToArray();
        Assert.Equal(new[] { "shape/package.xml", "shape/settings/LightningExperience.settings", "shape/settings/Security.settings" }, successes);
        Assert.Empty(result.GetProperty("details").GetProperty("componentFailures").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, withoutDetails.GetProperty("deployResult").GetProperty("details").ValueKind);
        Assert.Equal(zip, mock.Server.Deploys.All.Single().Zip);
        Assert.Equal(zip, kept);
        var logged = mock.Server.Requests.Single(r => r.Method == "POST" && r.Path == DeployPath);
        Assert.Equal(("file", "deploy.zip", (long)zip.Length), (logged.Files.Single().Name, logged.Files.Single().FileName, logged.Files.Single().Length));
    }

    [Theory]
    [InlineData(true, "Failed", 0)]
    [InlineData(false, "SucceededPartial", 1)]
    public async Task AConfiguredFailingSettingsFileIsAComponentFailure(bool rollbackOnError, string status, int deployed)
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Deploys.Fail(new DeployFailure("settings/Security.settings", "Security: this setting cannot be changed in a scratch org"));
        var session = await HubSession.LoginAsync(mock);
        string options = $"{{\"deployOptions\":{{\"rollbackOnError\":{rollbackOnError.ToString().ToLowerInvariant()}}}}}";

        var result = await DeployAndWaitAsync(session, DeployZip.Settings("", "LightningExperience", "Security"), options);

        Assert.Equal(status, result.GetProperty("status").GetString());
        Assert.False(result.GetProperty("success").GetBoolean());
        Assert.Equal(1, result.GetProperty("numberComponentErrors").GetInt32());
        Assert.Equal(deployed, result.GetProperty("numberComponentsDeployed").GetInt32());
        var failure = Assert.Single(result.GetProperty("details").GetProperty("componentFailures").EnumerateArray());
        Assert.Equal("settings/Security.settings", failure.GetProperty("fileName").GetString());
        Assert.Equal("Security", failure.GetProperty("fullName").GetString());
        Assert.Equal("Settings", failure.GetProperty("componentType").GetString());
        Assert.Equal("Security: this setting cannot be changed in a scratch org", failure.GetProperty("problem").GetString());
        Assert.Equal("Error", failure.GetProperty("problemType").GetString());
        Assert.False(failure.GetProperty("success").GetBoolean());
    }

    [Theory]
    [InlineData("nozip", "The deployed file is not a valid zip file.")]
    [InlineData("nopackage", "No package.xml found")]
    [InlineData("missingfile", "An object 'Security' of type Settings was named in package.xml, but was not found in zipped directory")]
    [InlineData("wrongroot", "Error parsing file: Element {http://soap.sforce.com/2006/04/metadata}CaseSettings invalid at this location in type SecuritySettings")]
    public async Task AZipTheMetadataApiCannotUseFails(string kind, string problem)
    {
        await using var mock = await MockFixture.StartAsync();
        var session = await HubSession.LoginAsync(mock);
        byte[] zip = kind switch
        {
            "nozip" => "PK not really"u8.ToArray(),
            "nopackage" => DeployZip.Build(("settings/Security.settings", "<SecuritySettings/>")),
            "missingfile" => DeployZip.Build(("package.xml", DeployZip.Package(("Settings", new[] { "Security" })))),
            _ => DeployZip.Build(("package.xml", DeployZip.Package(("Settings", new[] { "Security" }))),
                ("settings/Security.settings", "<CaseSettings xmlns=\"http://soap.sforce.com/2006/04/metadata\"/>")),
        };

        var result = await DeployAndWaitAsync(session, zip);

        Assert.Equal("Failed", result.GetProperty("status").GetString());
        var failure = Assert.Single(result.GetProperty("details").GetProperty("componentFailures").EnumerateArray());
        Assert.Equal(problem, failure.GetProperty("problem").GetString());
        Assert.Equal(zip, mock.Server.Deploys.All.Single().Zip);
    }

    [Fact]
    public async Task BadRequestsAreRefusedAndOtherOrgsDeploysAreNotFound()
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await HubSession.LoginAsync(mock);
        using var tokenResponse = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.SandboxUser.Username, Audiences.Sandbox));
        var sandbox = HubSession.WithToken(mock.Http, (await MockFixture.ReadJsonAsync(tokenResponse)).GetProperty("access_token").GetString()!);
        byte[] zip = DeployZip.Settings("", "Security");

        using var notMultipart = await hub.SendAsync(HttpMethod.Post, DeployPath, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var noFile = await hub.SendAsync(HttpMethod.Post, DeployPath, new MultipartFormDataContent { { new StringContent("{\"deployOptions\":{}}"), "json" } });
        using var unknownOption = await hub.SendAsync(HttpMethod.Post, DeployPath, DeployZip.Request(zip, "{\"deployOptions\":{\"fastMode\":true}}"));
        using var sandboxDeploy = await sandbox.SendAsync(HttpMethod.Post, DeployPath, DeployZip.Request(zip));
        string sandboxDeployId = (await MockFixture.ReadJsonAsync(sandboxDeploy)).GetProperty("id").GetString()!;
        using var fromHub = await hub.SendAsync(HttpMethod.Get, $"{DeployPath}/{sandboxDeployId}");

        Assert.Equal("INVALID_MULTIPART_REQUEST", (await HubSession.SingleErrorAsync(notMultipart, 400)).GetProperty("errorCode").GetString());
        Assert.Equal("INVALID_MULTIPART_REQUEST", (await HubSession.SingleErrorAsync(noFile, 400)).GetProperty("errorCode").GetString());
        Assert.Equal("JSON_PARSER_ERROR", (await HubSession.SingleErrorAsync(unknownOption, 400)).GetProperty("errorCode").GetString());
        Assert.Equal(HttpStatusCode.Created, sandboxDeploy.StatusCode);
        Assert.Equal("NOT_FOUND", (await HubSession.SingleErrorAsync(fromHub, 404)).GetProperty("errorCode").GetString());
        Assert.Same(mock.SandboxOrg, mock.Server.Deploys.All.Single().Org);
    }

    private static async Task<JsonElement> DeployAndWaitAsync(HubSession session, byte[] zip, string? options = null)
    {
        using var post = await session.SendAsync(HttpMethod.Post, DeployPath, options is null ? DeployZip.Request(zip) : DeployZip.Request(zip, options));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        string id = (await MockFixture.ReadJsonAsync(post)).GetProperty("id").GetString()!;
        return (await session.GetOkAsync($"{DeployPath}/{id}?includeDetails=true")).GetProperty("deployResult");
    }
}
