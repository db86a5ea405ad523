using JwtAuth.Core.Errors;
using JwtAuth.Core.Http;
using JwtAuth.Core.Login;
using JwtAuth.Core.Tests.Jwt;
using MockSalesforce.Faults;
using MockSalesforce.Model;
using MockSalesforce.Testing;

namespace JwtAuth.Core.Tests.Login;

public class SalesforceErrorTests
{
    [Fact]
    public async Task Unknown_consumer_key_is_InvalidClientId_with_where_to_find_the_key()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        using var client = sf.Client();
        var request = sf.LoginRequest(user);
        request.ClientId = "3MVG9wrongKey";

        var ex = await Assert.ThrowsAsync<SalesforceAuthException>(() => sf.LoginAsync(client, request));

        Assert.Equal("InvalidClientId", ex.ErrorId);
        Assert.Equal(JwtAuthErrorKind.AuthenticationError, ex.Kind);
        Assert.Equal("invalid_client_id", ex.Error);
        Assert.Equal("client identifier invalid", ex.ErrorDescription);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("3MVG9wrongKey", ex.ClientId);
        Assert.Contains("Manage Consumer Details", ex.Fix);
        Assert.Contains("2 to 10 minutes", ex.Fix);
        Assert.Single(sf.Server.TokenRequests);
        SecretAssert.NoSecrets(ex);
    }

    [Fact]
    public async Task A_key_that_does_not_match_the_certificate_is_InvalidAssertion_naming_the_key()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        using var client = sf.Client();
        using var otherKeys = TestKeyPair.Create();

        var ex = await Assert.ThrowsAsync<SalesforceAuthException>(() =>
            client.LoginAsync(sf.LoginRequest(user), otherKeys.Key, sf.KeyReference, null, CancellationToken.None));

        Assert.Equal("InvalidAssertion", ex.ErrorId);
        Assert.Contains("Use digital signatures", ex.Fix);
        Assert.StartsWith($"The signing key {sf.KeyReference.KeyFile} most likely does not pair", ex.Fix);
        Assert.Contains("malformed JWT", ex.Fix);
        Assert.Contains(".crt", ex.Fix);
        SecretAssert.NoSecrets(ex);
    }

    [Fact]
    public async Task A_production_audience_for_a_sandbox_is_AudienceInvalid_naming_both_audiences()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Sandbox);
        using var client = sf.Client();
        var request = sf.LoginRequest(user);
        request.Audience = null; // loopback resolves to login.salesforce.com, which a sandbox refuses

        var ex = await Assert.ThrowsAsync<SalesforceAuthException>(() => sf.LoginAsync(client, request));

        Assert.Equal("AudienceInvalid", ex.ErrorId);
        Assert.Equal("https://login.salesforce.com", ex.Audience);
        Assert.Contains("'https://login.salesforce.com'", ex.Message);
        Assert.Contains("-Audience https://test.salesforce.com", ex.Fix);
        Assert.EndsWith("this org probably wants -Audience https://test.salesforce.com.", ex.Fix);
    }

    [Fact]
    public async Task An_expired_assertion_is_AssertionExpired_pointing_at_the_clock()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        // This machine's clock is 10 minutes behind the server's.
        using var client = sf.Client(o => o.TimeProvider = new FixedClock(DateTimeOffset.UtcNow.AddMinutes(-10)));

        var ex = await Assert.ThrowsAsync<SalesforceAuthException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("AssertionExpired", ex.ErrorId);
        Assert.Contains("clock", ex.Fix);
        Assert.Contains("NTP", ex.Fix);
    }

    [Fact]
    public async Task A_user_not_pre_authorized_is_UserNotApproved_with_the_policy_to_set()
    {
        await using var sf = await MockFixture.StartAsync();
        var org = sf.Server.AddOrg(OrgKind.Production);
        var user = sf.Server.AddUser(org, "not-approved@example.com"); // no app pre-authorization
        using var client = sf.Client();

        var ex = await Assert.ThrowsAsync<SalesforceAuthException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("UserNotApproved", ex.ErrorId);
        Assert.Equal("not-approved@example.com", ex.Username);
        Assert.Contains("Admin approved users are pre-authorized", ex.Fix);
        Assert.Contains("Manage Profiles", ex.Fix);
        Assert.Contains("Manage Permission Sets", ex.Fix);
        Assert.Contains("-RetryTimeoutSec", ex.Fix);
        Assert.Equal(TimeSpan.Zero, ex.ReplicationWait);
        Assert.Single(sf.Server.TokenRequests); // production audience: no replication retries by default
        Assert.Empty(sf.Delays.Waits);
    }

    [Fact]
    public async Task An_inactive_user_is_InactiveUser()
    {
        await using var sf = await MockFixture.StartAsync();
        var org = sf.Server.AddOrg(OrgKind.Production);
        var user = sf.Server.AddUser(org, "gone@example.com", active: false, sf.App);
        using var client = sf.Client();

        var ex = await Assert.ThrowsAsync<SalesforceAuthException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("InactiveUser", ex.ErrorId);
        Assert.Contains("Activate the user", ex.Fix);
    }

    [Fact]
    public async Task Ip_restricted_is_IpRestricted_with_relax_ip_advice()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.Status(400, path: "/services/oauth2/token",
            body: "{\"error\":\"invalid_grant\",\"error_description\":\"ip restricted\"}"));
        using var client = sf.Client();

        var ex = await Assert.ThrowsAsync<SalesforceAuthException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("IpRestricted", ex.ErrorId);
        Assert.Contains("Relax IP restrictions", ex.Fix);
        Assert.Contains("Login IP Ranges", ex.Fix);
        Assert.Single(sf.Server.TokenRequests); // 400s are not retried
    }

    [Fact]
    public async Task An_unknown_error_keeps_salesforce_text()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.Status(400, path: "/services/oauth2/token",
            body: "{\"error\":\"invalid_app_access\",\"error_description\":\"user is not admin approved to access this app\",\"extra\":1}"));
        using var client = sf.Client();

        var ex = await Assert.ThrowsAsync<SalesforceAuthException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("SalesforceAuthError", ex.ErrorId);
        Assert.Contains("invalid_app_access: user is not admin approved to access this app", ex.Message);
        Assert.Equal("invalid_app_access", ex.Error);
    }

    [Fact]
    public async Task A_json_400_that_is_not_an_oauth_error_is_a_transport_error()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.Status(400, path: "/services/oauth2/token", body: "{\"message\":\"nope\"}"));
        using var client = sf.Client();

        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("ResponseUnexpected", ex.ErrorId);
        Assert.Equal(400, ex.StatusCode);
    }

    [Fact]
    public async Task Failed_login_reports_failed_progress_with_the_message()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        using var client = sf.Client();
        var request = sf.LoginRequest(user);
        request.ClientId = "wrong";
        var progress = new ProgressLog();

        var ex = await Assert.ThrowsAsync<SalesforceAuthException>(() => sf.LoginAsync(client, request, progress));

        var last = progress.Items.Last();
        Assert.Equal(LoginStage.Failed, last.Stage);
        Assert.Equal(ex.Message, last.Message);
    }
}
