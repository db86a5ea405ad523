using JwtAuth.Core.Errors;
using JwtAuth.Core.OrgApi;
using JwtAuth.Core.Tests.Login;
using MockSalesforce.Model;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.OrgApi;

/// <summary>sObject insert, get and delete, and the limits resource, as the scratch-org cmdlets will use them.</summary>
public class RecordTests
{
    [Fact]
    public async Task Insert_posts_the_fields_as_json_and_returns_the_new_id()
    {
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Json(201, "{\"id\":\"2SR5g000000TdQYGA0\",\"success\":true,\"errors\":[]}"));
        var fields = new JObject { ["Edition"] = "Developer", ["DurationDays"] = 7, ["ConnectedAppConsumerKey"] = "3MVG9hub" };

        var id = await s.Api.InsertAsync("ScratchOrgInfo", fields);

        Assert.Equal("2SR5g000000TdQYGA0", id);
        var post = Assert.Single(s.Received);
        Assert.Equal("POST", post.Method);
        Assert.Equal(OrgApiScenario.Data + "/sobjects/ScratchOrgInfo", post.Path);
        Assert.StartsWith("application/json", post.Headers["Content-Type"]);
        Assert.True(JToken.DeepEquals(fields, JObject.Parse(post.BodyText)));
        Assert.Equal("Bearer " + OrgApiScenario.Token, post.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_refused_insert_names_the_fields_Salesforce_objects_to()
    {
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Json(400,
            "[{\"message\":\"Edition: bad value for restricted picklist field: Ultimate\",\"errorCode\":\"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST\",\"fields\":[\"Edition\"]}]"));

        var ex = await Assert.ThrowsAsync<OrgApiException>(() => s.Api.InsertAsync("ScratchOrgInfo", new JObject { ["Edition"] = "Ultimate" }));

        Assert.Equal("SalesforceRestError", ex.ErrorId);
        Assert.Equal("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", ex.ErrorCode);
        Assert.Equal(new[] { "Edition" }, ex.Fields);
        Assert.Contains("Creating a ScratchOrgInfo", ex.Message);
    }

    [Fact]
    public async Task An_insert_answer_with_success_false_is_an_OrgApiException()
    {
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Json(201,
            "{\"id\":null,\"success\":false,\"errors\":[{\"statusCode\":\"LIMIT_EXCEEDED\",\"message\":\"no more scratch orgs today\",\"fields\":[]}]}"));

        var ex = await Assert.ThrowsAsync<OrgApiException>(() => s.Api.InsertAsync("ScratchOrgInfo", new JObject()));

        Assert.Equal("LIMIT_EXCEEDED", ex.ErrorCode);
        Assert.Equal(201, ex.StatusCode);
    }

    [Fact]
    public async Task Get_asks_for_the_named_fields_only()
    {
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Json(200,
            "{\"attributes\":{\"type\":\"ScratchOrgInfo\"},\"Id\":\"2SR5g000000TdQYGA0\",\"Status\":\"Active\",\"LoginUrl\":\"https://x.scratch.my.salesforce.com\"}"));

        var record = await s.Api.GetAsync("ScratchOrgInfo", "2SR5g000000TdQYGA0", new[] { "Status", "LoginUrl" });

        Assert.Equal("Active", (string?)record["Status"]);
        var get = Assert.Single(s.Received);
        Assert.Equal("GET", get.Method);
        Assert.Equal(OrgApiScenario.Data + "/sobjects/ScratchOrgInfo/2SR5g000000TdQYGA0", get.Path);
        Assert.Equal("fields=Status,LoginUrl", get.Query);
    }

    [Fact]
    public async Task Delete_sends_DELETE_and_accepts_204()
    {
        await using var s = OrgApiScenario.Sequence("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");

        await s.Api.DeleteAsync("ActiveScratchOrg", "0Hx5g000000XyZaCAK");

        var delete = Assert.Single(s.Received);
        Assert.Equal("DELETE", delete.Method);
        Assert.Equal(OrgApiScenario.Data + "/sobjects/ActiveScratchOrg/0Hx5g000000XyZaCAK", delete.Path);
    }

    [Fact]
    public async Task Deleting_what_is_gone_is_NotFound()
    {
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Json(404,
            "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]"));

        var ex = await Assert.ThrowsAsync<OrgApiException>(() => s.Api.DeleteAsync("ActiveScratchOrg", "0Hx5g000000XyZaCAK"));

        Assert.Equal("NotFound", ex.ErrorId);
        Assert.Equal(JwtAuthErrorKind.ObjectNotFound, ex.Kind);
    }

    [Theory]
    [InlineData("ScratchOrgInfo/../../limits", "2SR5g000000TdQYGA0", "ApiNameMalformed")]
    [InlineData("ScratchOrgInfo", "2SR5g000000TdQ?YG", "RecordIdMalformed")]
    [InlineData("ScratchOrgInfo", "2SR5g", "RecordIdMalformed")]
    [InlineData("", "2SR5g000000TdQYGA0", "ApiNameMalformed")]
    public async Task Names_and_ids_that_could_leave_the_record_path_are_refused_before_sending(string type, string id, string errorId)
    {
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Json(200, "{}"));

        var ex = await Assert.ThrowsAsync<JwtAuthException>(() => s.Api.GetAsync(type, id));

        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(JwtAuthErrorKind.InvalidArgument, ex.Kind);
        Assert.Empty(s.Received);
    }

    [Fact]
    public async Task The_mock_serves_a_record_and_the_limits()
    {
        await using var mock = await MockFixture.StartAsync();
        var org = await mock.SignInAsync(OrgKind.DevHub);
        org.User.Org.DailyScratchOrgLimit = 6;
        org.User.Org.ActiveScratchOrgLimit = 3;

        var organization = await org.Api.GetAsync("Organization", org.Auth.OrgId);
        var limits = await org.Api.GetLimitsAsync();

        Assert.Equal(org.Auth.OrgName, (string?)organization["Name"]);
        Assert.Equal(6, limits["DailyScratchOrgs"].Max);
        Assert.Equal(6, limits["DailyScratchOrgs"].Remaining);
        Assert.Equal(3, limits["ActiveScratchOrgs"].Max);
        Assert.Contains(mock.Server.Requests, r => r.Path == $"/services/data/v{org.Auth.ApiVersion}/limits" && r.HadAuthorization);
    }

    [Fact]
    public async Task Limits_without_Max_and_Remaining_numbers_are_left_out()
    {
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Json(200,
            "{\"DailyScratchOrgs\":{\"Max\":6,\"Remaining\":2},\"Odd\":{\"Max\":\"many\"},\"Flat\":3}"));

        var limits = await s.Api.GetLimitsAsync();

        var daily = Assert.Single(limits).Value;
        Assert.Equal("DailyScratchOrgs", daily.Name);
        Assert.Equal(2, daily.Remaining);
        Assert.Equal(OrgApiScenario.Data + "/limits", Assert.Single(s.Received).Path);
    }
}
