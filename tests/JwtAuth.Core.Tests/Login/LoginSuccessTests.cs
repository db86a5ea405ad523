using JwtAuth.Core.Http;
using JwtAuth.Core.Login;
using JwtAuth.Core.Model;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Login;

public class LoginSuccessTests
{
    [Fact]
    public async Task A_login_is_the_token_exchange_then_the_org_detail_read()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.DevHub);
        using var client = sf.Client();
        var progress = new ProgressLog();

        var grant = await client.ExchangeTokenAsync(sf.LoginRequest(user), sf.Keys.Key, sf.KeyReference, progress);

        Assert.Equal(user.Org.Id, grant.Auth.OrgId);
        Assert.False(string.IsNullOrEmpty(grant.Auth.AccessToken));
        Assert.Equal(OrgType.Unknown, grant.Auth.OrgType);
        Assert.Null(grant.Auth.ApiVersion);
        Assert.Equal("/services/oauth2/token", Assert.Single(sf.Server.Requests).Path);
        Assert.DoesNotContain(progress.Items, p => p.Stage == LoginStage.Succeeded);
        SecretAssert.NoSecrets(grant.ToString(), grant.Auth.AccessToken);

        var auth = await client.ReadOrgDetailsAsync(grant, progress);

        Assert.Same(grant.Auth, auth);
        Assert.Equal(OrgType.DevHub, auth.OrgType);
        Assert.Equal($"{sf.Server.Options.LatestApiVersion}.0", auth.ApiVersion);
        Assert.Contains(sf.Server.Requests, r => r.Path == "/services/data");
        Assert.Equal(LoginStage.Succeeded, progress.Items.Last().Stage);
    }

    [Theory]
    [InlineData(OrgKind.Production, OrgType.Production, false)]
    [InlineData(OrgKind.DevHub, OrgType.DevHub, false)]
    [InlineData(OrgKind.Sandbox, OrgType.Sandbox, false)]
    [InlineData(OrgKind.Scratch, OrgType.Scratch, true)]
    public async Task Login_fills_the_org_auth_for_each_kind_of_org(OrgKind kind, OrgType expectedType, bool hasTrialDate)
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(kind);
        using var client = sf.Client();

        var auth = await sf.LoginAsync(client, sf.LoginRequest(user));

        Assert.Equal(user.Username, auth.Username);
        Assert.Equal(user.Org.Id, auth.OrgId);
        Assert.Equal(user.Id, auth.UserId);
        Assert.Equal(expectedType, auth.OrgType);
        Assert.Equal(sf.Server.BaseUrl, auth.InstanceUrl);
        Assert.Equal(sf.Server.BaseUrl, auth.LoginUrl);
        Assert.Equal(user.Org.IsSandbox ? "https://test.salesforce.com" : "https://login.salesforce.com", auth.Audience);
        Assert.Equal(MockFixture.ClientId, auth.ClientId);
        Assert.Same(sf.KeyReference, auth.Key);
        Assert.Equal($"{sf.Server.BaseUrl}/id/{user.Org.Id}/{user.Id}", auth.IdUrl);
        Assert.Equal($"{sf.Server.Options.LatestApiVersion}.0", auth.ApiVersion);
        Assert.Equal(user.Org.Name, auth.OrgName);
        Assert.False(string.IsNullOrEmpty(auth.InstanceName));
        Assert.Equal(hasTrialDate, auth.TrialExpirationDate.HasValue);
        Assert.Null(auth.NamespacePrefix);
        Assert.StartsWith(user.Org.Id[..15] + "!", auth.AccessToken);
        Assert.NotNull(sf.Server.Sessions.FindLive(auth.AccessToken));
        Assert.InRange(auth.IssuedAt, sf.Server.Clock.UtcNow.AddMinutes(-1), sf.Server.Clock.UtcNow.AddSeconds(1));
        Assert.DoesNotContain(auth.AccessToken!, auth.ToString());
    }

    [Fact]
    public async Task The_token_request_is_a_form_post_of_the_jwt_bearer_grant_to_the_login_host_only()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        using var client = sf.Client();

        await sf.LoginAsync(client, sf.LoginRequest(user));

        var token = Assert.Single(sf.Server.TokenRequests);
        Assert.Equal("POST", token.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", token.ContentType);
        Assert.Equal(new[] { "assertion", "grant_type" }, token.Form.Keys.OrderBy(k => k));
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", token.Form["grant_type"]);
        Assert.Equal("https://login.salesforce.com", token.Assertion!.ClaimString("aud"));
        Assert.False(token.Assertion.ExpLooksLikeMilliseconds);
        Assert.Equal(new[] { "alg", "typ" }, token.Assertion.Header.Keys.OrderBy(k => k));
        Assert.All(sf.Server.Requests, r => Assert.Equal(new Uri(sf.Server.BaseUrl).Authority, r.Host));
    }

    [Fact]
    public async Task Follow_up_calls_are_the_cli_queries_with_the_new_token()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.DevHub);
        using var client = sf.Client();

        await sf.LoginAsync(client, sf.LoginRequest(user));

        var rest = sf.Server.Requests.Where(r => r.Path.StartsWith("/services/data", StringComparison.Ordinal)).ToList();
        Assert.Contains(rest, r => r.Path == "/services/data");
        var queries = rest.Where(r => r.Path == $"/services/data/v{sf.Server.Options.LatestApiVersion}.0/query").Select(r => Uri.UnescapeDataString(r.Query)).ToList();
        Assert.Contains("?q=SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM Organization", queries);
        Assert.Contains("?q=SELECT Id FROM ScratchOrgInfo limit 1", queries);
        Assert.All(rest.Where(r => r.Path != "/services/data"), r => Assert.True(r.HadAuthorization));
        Assert.All(rest, r => Assert.Equal(200, r.StatusCode));
    }

    [Fact]
    public async Task Follow_up_calls_go_to_the_instance_url_from_the_token_answer_not_the_login_url()
    {
        await using var sf = await MockFixture.StartAsync();
        var port = new Uri(sf.Server.BaseUrl).Port;
        var org = sf.Server.AddOrg(OrgKind.Production, instanceUrl: $"http://localhost:{port}");
        var user = sf.Server.AddUser(org, "instance@example.com", sf.App);
        using var client = sf.Client();

        var auth = await sf.LoginAsync(client, sf.LoginRequest(user));

        Assert.Equal($"http://localhost:{port}", auth.InstanceUrl);
        Assert.Equal(sf.Server.BaseUrl, auth.LoginUrl);
        Assert.Equal(OrgType.Production, auth.OrgType);
        Assert.Equal($"127.0.0.1:{port}", Assert.Single(sf.Server.TokenRequests).Host);
        var rest = sf.Server.Requests.Where(r => r.Path.StartsWith("/services/data", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rest.Count);
        Assert.All(rest, r => Assert.Equal($"localhost:{port}", r.Host));
    }

    [Theory]
    [InlineData(OrgKind.Production, true)]
    [InlineData(OrgKind.DevHub, true)]
    [InlineData(OrgKind.Sandbox, false)]
    [InlineData(OrgKind.Scratch, false)]
    public async Task The_dev_hub_check_is_skipped_for_the_sandbox_audience(OrgKind kind, bool checksDevHub)
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(kind);
        using var client = sf.Client();

        await sf.LoginAsync(client, sf.LoginRequest(user));

        var devHubQueries = sf.Server.Requests.Count(r => Uri.UnescapeDataString(r.Query).Contains("FROM ScratchOrgInfo"));
        Assert.Equal(checksDevHub ? 1 : 0, devHubQueries);
    }

    [Fact]
    public async Task Fetching_details_can_be_turned_off()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.DevHub);
        using var client = sf.Client(o => o.FetchOrgDetails = false);

        var auth = await sf.LoginAsync(client, sf.LoginRequest(user));

        Assert.Equal(OrgType.Unknown, auth.OrgType);
        Assert.Null(auth.ApiVersion);
        Assert.Single(sf.Server.Requests);
    }

    [Fact]
    public async Task Progress_reports_the_stages_without_secrets()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Scratch);
        using var client = sf.Client();
        var progress = new ProgressLog();

        var auth = await sf.LoginAsync(client, sf.LoginRequest(user), progress);

        var stages = progress.Items.Select(p => p.Stage).ToList();
        Assert.Equal(LoginStage.Requesting, stages.First());
        Assert.Contains(LoginStage.FetchingDetails, stages);
        Assert.Equal(LoginStage.Succeeded, stages.Last());
        Assert.All(progress.Items, p => Assert.Equal(user.Username, p.Username));
        Assert.All(progress.Items, p => SecretAssert.NoSecrets(p.ToString(), auth.AccessToken));
    }

    [Fact]
    public async Task A_bare_host_login_url_with_trailing_slash_is_normalized_before_use()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        using var client = sf.Client();
        var request = sf.LoginRequest(user);
        request.LoginUrl = sf.Server.BaseUrl.Replace("http://", string.Empty, StringComparison.Ordinal) + "/";

        // No scheme means https://, which the plain-http mock cannot speak: the client must not fall back to http.
        var ex = await Assert.ThrowsAnyAsync<TokenEndpointException>(() => sf.LoginAsync(client, request));
        Assert.Equal("https://" + new Uri(sf.Server.BaseUrl).Authority + "/services/oauth2/token", ex.Url);

        request.LoginUrl = sf.Server.BaseUrl + "/";
        var auth = await sf.LoginAsync(client, request);
        Assert.Equal(sf.Server.BaseUrl, auth.LoginUrl);
    }
}
