using JwtAuth.Core.Http;
using JwtAuth.Core.OrgApi;
using JwtAuth.Core.Tests.Login;
using MockSalesforce.Model;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.OrgApi;

public class QueryTests
{
    private const string Soql = "SELECT Id, SignupUsername FROM ScratchOrgInfo WHERE Status = 'Active'";

    private static string Page(bool done, string? next, params string[] usernames) => LoopbackHttpServer.Json(200,
        new JObject
        {
            ["totalSize"] = 5,
            ["done"] = done,
            ["nextRecordsUrl"] = next is null ? null : (JToken)next,
            ["records"] = new JArray(usernames.Select(u => new JObject
            {
                ["attributes"] = new JObject { ["type"] = "ScratchOrgInfo", ["url"] = OrgApiScenario.Data + "/sobjects/ScratchOrgInfo/2SR000000000001" },
                ["Id"] = "2SR000000000001AAA",
                ["SignupUsername"] = u,
            })),
        }.ToString());

    [Fact]
    public async Task A_query_follows_nextRecordsUrl_across_three_pages()
    {
        const string second = OrgApiScenario.Data + "/query/01gD0000002HU6KIAW-2000";
        const string third = OrgApiScenario.Data + "/query/01gD0000002HU6KIAW-4000";
        await using var s = OrgApiScenario.Sequence(
            Page(false, second, "a@example.com", "b@example.com"),
            Page(false, third, "c@example.com", "d@example.com"),
            Page(true, null, "e@example.com"));

        var records = await s.Api.QueryAsync(Soql);

        Assert.Equal(new[] { "a@example.com", "b@example.com", "c@example.com", "d@example.com", "e@example.com" },
            records.Select(r => (string?)r["SignupUsername"]));
        Assert.Equal(new[] { OrgApiScenario.Data + "/query", second, third }, s.Received.Select(r => r.Path));
        Assert.Equal("q=" + Soql, s.Received[0].Query);
        Assert.All(s.Received, r =>
        {
            Assert.Equal("GET", r.Method);
            Assert.Equal("Bearer " + OrgApiScenario.Token, r.Headers["Authorization"]);
        });
    }

    [Theory]
    [InlineData("https://elsewhere.example.com/services/data/v62.0/query/01g-2000")]
    [InlineData("//elsewhere.example.com/services/data/v62.0/query/01g-2000")]
    [InlineData("/services/data/v62.0/../../evil")]
    [InlineData(null)]
    public async Task More_pages_without_a_next_page_on_this_instance_are_refused_before_the_token_goes_anywhere(string? next)
    {
        await using var s = OrgApiScenario.Sequence(Page(false, next, "a@example.com"), Page(true, null, "b@example.com"));

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => s.Api.QueryAsync(Soql));

        Assert.Equal("ResponseUnexpected", ex.ErrorId);
        Assert.Single(s.Received);
        SecretAssert.NoSecrets(ex, OrgApiScenario.Token);
    }

    [Fact]
    public async Task A_page_repeating_itself_ends_the_query_instead_of_looping()
    {
        const string next = OrgApiScenario.Data + "/query/01gD0000002HU6KIAW-2000";
        await using var s = OrgApiScenario.Sequence(Page(false, next, "a@example.com"), Page(false, next, "b@example.com"));

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => s.Api.QueryAsync(Soql));

        Assert.Equal("ResponseUnexpected", ex.ErrorId);
        Assert.Equal(2, s.Received.Count);
    }

    [Fact]
    public async Task A_query_answer_without_records_is_a_typed_error()
    {
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Json(200, "{\"totalSize\":0,\"done\":true}"));

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => s.Api.QueryAsync(Soql));

        Assert.Equal("ResponseUnexpected", ex.ErrorId);
        Assert.Equal(200, ex.StatusCode);
        Assert.Contains("records", ex.Message);
    }

    [Fact]
    public async Task The_mock_answers_a_query_through_the_client_a_login_returned()
    {
        await using var mock = await MockFixture.StartAsync();
        var org = await mock.SignInAsync(OrgKind.DevHub);

        var rows = await org.Api.QueryAsync("SELECT Name, IsSandbox FROM Organization");

        var row = Assert.Single(rows);
        Assert.Equal(org.Auth.OrgName, (string?)row["Name"]);
        Assert.False((bool)row["IsSandbox"]!);
        Assert.Equal(org.Auth.InstanceUrl, org.Api.InstanceUrl);
        Assert.Equal(org.Auth.ApiVersion, org.Api.ApiVersion);
    }
}
