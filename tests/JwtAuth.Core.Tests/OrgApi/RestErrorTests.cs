using JwtAuth.Core.Errors;
using JwtAuth.Core.Http;
using JwtAuth.Core.OrgApi;
using JwtAuth.Core.Tests.Hardening;
using JwtAuth.Core.Tests.Login;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.OrgApi;

/// <summary>Salesforce's REST error lists, as its documentation shows them, each mapped to its ErrorId; other answers are transport errors.</summary>
public class RestErrorTests
{
    private const string Soql = "SELECT Id FROM ScratchOrgInfo";

    public static TheoryData<int, string, string, JwtAuthErrorKind, string> Refusals => new()
    {
        // status, errorCode, expected ErrorId, kind, fields (comma-separated)
        { 401, "INVALID_SESSION_ID", "SessionExpired", JwtAuthErrorKind.AuthenticationError, "" },
        { 403, "INSUFFICIENT_ACCESS_OR_READONLY", "InsufficientAccess", JwtAuthErrorKind.PermissionDenied, "" },
        { 403, "API_DISABLED_FOR_ORG", "InsufficientAccess", JwtAuthErrorKind.PermissionDenied, "" },
        { 403, "REQUEST_LIMIT_EXCEEDED", "RequestLimitExceeded", JwtAuthErrorKind.ResourceUnavailable, "" },
        { 404, "NOT_FOUND", "NotFound", JwtAuthErrorKind.ObjectNotFound, "" },
        { 400, "MALFORMED_QUERY", "SalesforceRestError", JwtAuthErrorKind.InvalidOperation, "" },
        { 400, "INVALID_FIELD", "SalesforceRestError", JwtAuthErrorKind.InvalidOperation, "Foo__c" },
        { 400, "REQUIRED_FIELD_MISSING", "SalesforceRestError", JwtAuthErrorKind.InvalidOperation, "Edition,DurationDays" },
        { 503, "SERVER_UNAVAILABLE", "SalesforceRestError", JwtAuthErrorKind.ResourceUnavailable, "" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_REST_error_list_is_an_OrgApiException_with_its_code_fields_and_fix(int status, string code, string errorId,
        JwtAuthErrorKind kind, string fields)
    {
        var fieldList = fields.Length == 0 ? Array.Empty<string>() : fields.Split(',');
        var body = "[{\"message\":\"Salesforce says no\",\"errorCode\":\"" + code + "\",\"fields\":[" +
                   string.Join(",", fieldList.Select(f => "\"" + f + "\"")) + "]}]";
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Json(status, body));

        var ex = await Assert.ThrowsAsync<OrgApiException>(() => s.Api.QueryAsync(Soql));

        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(kind, ex.Kind);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal("Salesforce says no", ex.SalesforceMessage);
        Assert.Equal(fieldList, ex.Fields);
        Assert.Contains($"HTTP {status}", ex.Message);
        Assert.Contains(code, ex.Message);
        Assert.False(string.IsNullOrWhiteSpace(ex.Fix));
        Assert.Equal(s.Server.BaseUrl + OrgApiScenario.Data + "/query", ex.Url);
        Assert.DoesNotContain("?", ex.Url);
        SecretAssert.NoSecrets(ex, OrgApiScenario.Token);
    }

    [Fact]
    public async Task A_401_without_Salesforces_code_is_still_SessionExpired()
    {
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Json(401, "[{\"message\":\"Bad token\",\"errorCode\":\"SOMETHING_ELSE\"}]"));

        Assert.Equal("SessionExpired", (await Assert.ThrowsAsync<OrgApiException>(() => s.Api.QueryAsync(Soql))).ErrorId);
    }

    [Fact]
    public async Task Every_entry_of_the_list_is_kept_and_named()
    {
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Json(400,
            "[{\"message\":\"first\",\"errorCode\":\"INVALID_FIELD\"},{\"message\":\"second\",\"errorCode\":\"DUPLICATE_VALUE\",\"fields\":[\"Name\"]}]"));

        var ex = await Assert.ThrowsAsync<OrgApiException>(() => s.Api.QueryAsync(Soql));

        Assert.Equal(new[] { "INVALID_FIELD", "DUPLICATE_VALUE" }, ex.Errors.Select(e => e.ErrorCode));
        Assert.Equal(new[] { "Name" }, ex.Errors[1].Fields);
        Assert.Contains("second", ex.Message);
    }

    [Fact]
    public async Task A_server_echoing_the_token_does_not_get_it_into_the_exception()
    {
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Json(400,
            "[{\"message\":\"Bad header: Bearer " + OrgApiScenario.Token + "\",\"errorCode\":\"" + OrgApiScenario.Token + "\",\"fields\":[\"" + OrgApiScenario.Token + "\"]}]"));

        var ex = await Assert.ThrowsAsync<OrgApiException>(() => s.Api.QueryAsync(Soql));

        SecretAssert.NoSecrets(ex, OrgApiScenario.Token);
        Assert.All(ex.Errors, e => Assert.DoesNotContain(OrgApiScenario.Token, e.ToString()));
        Assert.Contains("***", ex.SalesforceMessage);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(200)]
    [InlineData(401)]
    public async Task An_html_page_is_a_transport_error_with_its_status_not_a_parser_crash(int status)
    {
        const string page = "<!DOCTYPE html><html><body><h1>Proxy Maintenance</h1></body></html>";
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Answer(status, "text/html", page));

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => s.Api.QueryAsync(Soql));

        Assert.Equal("ResponseNotJson", ex.ErrorId);
        Assert.Equal(status, ex.StatusCode);
        Assert.StartsWith("text/html", ex.ContentType);
        Assert.Contains($"HTTP {status}", ex.Message);
        Assert.Contains("proxy", ex.Message);
        Assert.DoesNotContain("Maintenance", ex.Message);
        Assert.DoesNotContain("-LoginUrl", ex.Fix);
        SecretAssert.NoSecrets(ex, OrgApiScenario.Token);
    }

    [Fact]
    public async Task Json_that_is_not_an_error_list_is_RestCallFailed_with_the_status()
    {
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Json(500, "{\"oops\":true}"));

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => s.Api.QueryAsync(Soql));

        Assert.Equal("RestCallFailed", ex.ErrorId);
        Assert.Equal(500, ex.StatusCode);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_so_the_token_reaches_nobody_else()
    {
        await using var elsewhere = new RecordingRelay();
        await using var s = OrgApiScenario.Sequence(LoopbackHttpServer.Answer(302, "text/plain", "", $"Location: {elsewhere.BaseUrl}/services/data\r\n"));

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => s.Api.QueryAsync(Soql));

        Assert.Equal("TokenEndpointRedirect", ex.ErrorId);
        Assert.Equal(302, ex.StatusCode);
        Assert.Equal("127.0.0.1", ex.RedirectHost);
        Assert.Equal(0, elsewhere.Connections);
        Assert.Single(s.Received);
    }

    [Fact]
    public async Task A_closed_port_is_ConnectionRefused_from_one_attempt()
    {
        using var client = new JwtAuth.Core.Login.SalesforceLoginClient();
        var api = client.OrgApiFor($"http://127.0.0.1:{TransportTests.UnusedPort()}", "62.0", OrgApiScenario.Token);

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => api.GetLimitsAsync());

        Assert.Equal("ConnectionRefused", ex.ErrorId);
        Assert.Equal(1, ex.Attempts);
        SecretAssert.NoSecrets(ex, OrgApiScenario.Token);
    }

    [Fact]
    public async Task The_mock_refuses_a_dead_token_as_SessionExpired_and_a_bad_query_as_MALFORMED_QUERY()
    {
        await using var mock = await MockFixture.StartAsync();
        var org = await mock.SignInAsync(OrgKind.Production);

        var expired = await Assert.ThrowsAsync<OrgApiException>(() => org.ApiWith("00Dx!AQnot-a-live-session").QueryAsync("SELECT Id FROM Organization"));
        Assert.Equal("SessionExpired", expired.ErrorId);
        Assert.Equal("INVALID_SESSION_ID", expired.ErrorCode);

        var malformed = await Assert.ThrowsAsync<OrgApiException>(() => org.Api.QueryAsync("SELEKT nothing"));
        Assert.Equal("SalesforceRestError", malformed.ErrorId);
        Assert.Equal("MALFORMED_QUERY", malformed.ErrorCode);
        Assert.Equal(400, malformed.StatusCode);
        SecretAssert.NoSecrets(malformed, org.Auth.AccessToken);
    }

    [Fact]
    public void A_token_is_never_handed_to_plain_http_on_a_remote_host()
    {
        using var client = new JwtAuth.Core.Login.SalesforceLoginClient();

        var ex = Assert.Throws<JwtAuth.Core.Login.LoginUrlException>(() => client.OrgApiFor("http://na1.salesforce.com", "62.0", OrgApiScenario.Token));

        Assert.Equal("LoginUrlNotHttps", ex.ErrorId);
    }
}
