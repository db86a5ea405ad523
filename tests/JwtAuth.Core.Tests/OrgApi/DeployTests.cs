using System.IO.Compression;
using JwtAuth.Core.OrgApi;
using JwtAuth.Core.Tests.Login;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.OrgApi;

/// <summary>
/// The Metadata REST deploy against answers shaped like Salesforce's documentation (meta_rest_deploy: POST
/// .../metadata/deployRequest answers 201 with id and deployResult; meta_rest_deploy_checkstatus: GET
/// .../deployRequest/{id}?includeDetails=true until the result is finished).
/// </summary>
public class DeployTests
{
    private const string DeployId = "0Afxx00000001VPCAY";
    private const string DeployPath = OrgApiScenario.Data + "/metadata/deployRequest";
    private static readonly DeployPolling EverySecond = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

    private static string Started(string status = "Pending") =>
        LoopbackHttpServer.Json(201, "{\"id\":\"" + DeployId + "\",\"validatedDeployRequestId\":null,\"url\":\"" + DeployPath + "/" + DeployId + "\"," +
                                     "\"deployOptions\":{\"singlePackage\":true},\"deployResult\":{\"id\":\"" + DeployId + "\",\"done\":false,\"status\":\"" + status + "\",\"success\":false,\"details\":null}}");

    private static string Status(string status, bool done, string failures = "[]", bool success = false) =>
        LoopbackHttpServer.Json(200, "{\"id\":\"" + DeployId + "\",\"deployResult\":{\"id\":\"" + DeployId + "\",\"status\":\"" + status + "\",\"done\":" +
                                     (done ? "true" : "false") + ",\"success\":" + (success ? "true" : "false") +
                                     ",\"numberComponentsDeployed\":1,\"numberComponentsTotal\":2,\"numberComponentErrors\":1," +
                                     "\"details\":{\"componentFailures\":" + failures + ",\"componentSuccesses\":[]}}}");

    [Fact]
    public async Task The_deploy_is_one_multipart_POST_with_the_json_part_and_the_zip_as_file()
    {
        await using var s = OrgApiScenario.Sequence(Started(), Status("Succeeded", done: true, success: true));
        var zip = SettingsZip.Create();

        await s.Api.DeployAsync(zip, new JObject { ["singlePackage"] = true, ["rollbackOnError"] = true }, EverySecond);

        var post = s.Received[0];
        Assert.Equal("POST", post.Method);
        Assert.Equal(DeployPath, post.Path);
        Assert.Equal("Bearer " + OrgApiScenario.Token, post.Headers["Authorization"]);
        var form = MultipartForm.Parse(post.Headers["Content-Type"], post.Body);
        Assert.Equal(new[] { "json", "file" }, form.Parts.Select(p => p.Name));
        var json = form["json"];
        Assert.Equal("application/json", json.Headers["Content-Type"]);
        Assert.Null(json.FileName);
        Assert.True(JToken.DeepEquals(JObject.Parse("{\"deployOptions\":{\"singlePackage\":true,\"rollbackOnError\":true}}"), JObject.Parse(json.Text)));
        var file = form["file"];
        Assert.Equal("deploy.zip", file.FileName);
        Assert.Equal("application/zip", file.Headers["Content-Type"]);
        Assert.Equal(zip, file.Content);
        using var sent = new ZipArchive(new MemoryStream(file.Content));
        Assert.Equal(new[] { "package.xml", "settings/LightningExperience.settings" }, sent.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task The_status_is_polled_with_details_until_Succeeded()
    {
        await using var s = OrgApiScenario.Sequence(Started(), Status("InProgress", done: false), Status("InProgress", done: false),
            Status("Succeeded", done: true, success: true));
        var reported = new List<DeployStatus>();

        var result = await s.Api.DeployAsync(SettingsZip.Create(), null, EverySecond, new SyncProgress<DeployResult>(r => reported.Add(r.Status)));

        Assert.Equal(DeployStatus.Succeeded, result.Status);
        Assert.True(result.Done);
        Assert.True(result.Success);
        Assert.True(result.IsFinished);
        Assert.Equal(DeployId, result.Id);
        Assert.Empty(result.ComponentFailures);
        Assert.Equal(new[] { DeployStatus.Pending, DeployStatus.InProgress, DeployStatus.InProgress, DeployStatus.Succeeded }, reported);
        Assert.Equal(4, s.Received.Count);
        Assert.All(s.Received.Skip(1), r =>
        {
            Assert.Equal("GET", r.Method);
            Assert.Equal(DeployPath + "/" + DeployId, r.Path);
            Assert.Equal("includeDetails=true", r.Query);
        });
        Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1) }, s.Delays.Waits);
        var json = MultipartForm.Parse(s.Received[0].Headers["Content-Type"], s.Received[0].Body)["json"];
        Assert.Equal("{\"deployOptions\":{}}", json.Text);
    }

    [Fact]
    public async Task A_failed_deploy_reports_its_component_failures()
    {
        const string failures = "[{\"changed\":false,\"componentType\":\"Settings\",\"created\":false,\"deleted\":false," +
                                "\"fileName\":\"settings/LightningExperience.settings\",\"fullName\":\"LightningExperience\",\"lineNumber\":1,\"columnNumber\":120," +
                                "\"problem\":\"Unknown setting: enableS1DesktopEnabled\",\"problemType\":\"Error\",\"success\":false}," +
                                "{\"componentType\":\"CustomObject\",\"fullName\":\"Account\",\"problem\":\"Sharing model is invalid\",\"problemType\":\"Error\"}]";
        await using var s = OrgApiScenario.Sequence(Started(), Status("InProgress", done: false), Status("Failed", done: true, failures));

        var result = await s.Api.DeployAsync(SettingsZip.Create(), null, EverySecond);

        Assert.Equal(DeployStatus.Failed, result.Status);
        Assert.False(result.Success);
        Assert.Equal(1, result.NumberComponentErrors);
        Assert.Equal(2, result.ComponentFailures.Count);
        var first = result.ComponentFailures[0];
        Assert.Equal("Settings", first.ComponentType);
        Assert.Equal("LightningExperience", first.FullName);
        Assert.Equal("settings/LightningExperience.settings", first.FileName);
        Assert.Equal("Unknown setting: enableS1DesktopEnabled", first.Problem);
        Assert.Equal("Error", first.ProblemType);
        Assert.Equal(1, first.LineNumber);
        Assert.Equal(120, first.ColumnNumber);
        Assert.Equal("CustomObject Account: Sharing model is invalid", result.ComponentFailures[1].ToString());
    }

    [Fact]
    public async Task One_failure_as_an_object_and_quoted_flags_as_in_the_documented_example_are_read()
    {
        var body = "{\"id\":\"" + DeployId + "\",\"deployResult\":{\"checkOnly\":\"false\",\"status\":\"Failed\",\"done\":\"true\",\"numberComponentErrors\":\"1\"," +
                   "\"details\":{\"componentFailures\":{\"componentType\":\"Settings\",\"fullName\":\"Security\",\"problem\":\"bad\",\"problemType\":\"Error\"}}}}";
        await using var s = OrgApiScenario.Sequence(Started(), LoopbackHttpServer.Json(200, body));

        var result = await s.Api.DeployAsync(SettingsZip.Create(), null, EverySecond);

        Assert.True(result.Done);
        Assert.Equal(DeployStatus.Failed, result.Status);
        Assert.Equal(1, result.NumberComponentErrors);
        Assert.Equal("Security", Assert.Single(result.ComponentFailures).FullName);
    }

    [Fact]
    public async Task Cancelling_while_polling_stops_the_polls()
    {
        await using var s = OrgApiScenario.Sequence(Started(), Status("InProgress", done: false));
        using var cts = new CancellationTokenSource();
        var polls = 0;
        var progress = new SyncProgress<DeployResult>(r =>
        {
            if (r.Status == DeployStatus.InProgress && ++polls == 2) cts.Cancel();
        });

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => s.Api.DeployAsync(SettingsZip.Create(), null, EverySecond, progress, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(3, s.Received.Count);
    }

    [Fact]
    public async Task A_deploy_still_running_at_the_bound_is_DeployTimedOut()
    {
        await using var s = OrgApiScenario.Sequence(Started(), Status("InProgress", done: false));

        var ex = await Assert.ThrowsAsync<OrgApiException>(() =>
            s.Api.DeployAsync(SettingsZip.Create(), null, new DeployPolling(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5))));

        Assert.Equal("DeployTimedOut", ex.ErrorId);
        Assert.Equal(Errors.JwtAuthErrorKind.OperationTimeout, ex.Kind);
        Assert.Contains(DeployId, ex.Message);
        Assert.Contains("InProgress", ex.Message);
        Assert.Null(ex.StatusCode);
        Assert.Equal(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1) }, s.Delays.Waits);
        Assert.Equal(4, s.Received.Count);
    }

    [Fact]
    public async Task A_refused_deploy_request_is_an_OrgApiException_and_nothing_is_polled()
    {
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Json(400,
            "[{\"message\":\"Unable to find a zip file. Add a zip file to your request.\",\"errorCode\":\"INVALID_MULTIPART_REQUEST\"}]"));

        var ex = await Assert.ThrowsAsync<OrgApiException>(() => s.Api.DeployAsync(SettingsZip.Create(), null, EverySecond));

        Assert.Equal("INVALID_MULTIPART_REQUEST", ex.ErrorCode);
        Assert.Single(s.Received);
        Assert.Empty(s.Delays.Waits);
    }
}
