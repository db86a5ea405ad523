using JwtAuth.Core.Http;
using JwtAuth.Core.Login;
using JwtAuth.Core.Tests.Login;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.OrgDetails;

public class TokenValidityTests
{
    [Fact]
    public async Task A_fresh_token_is_valid_and_a_revoked_or_expired_one_is_not()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        using var client = sf.Client();
        var auth = await sf.LoginAsync(client, sf.LoginRequest(user));

        Assert.True(await client.IsTokenValidAsync(auth.InstanceUrl, auth.AccessToken!));

        sf.Server.Clock.Advance(TimeSpan.FromHours(3));
        Assert.False(await client.IsTokenValidAsync(auth.InstanceUrl, auth.AccessToken!));

        var again = await sf.LoginAsync(client, sf.LoginRequest(user));
        Assert.True(await client.IsTokenValidAsync(again.InstanceUrl, again.AccessToken!));
        sf.Server.Sessions.Revoke(user);
        Assert.False(await client.IsTokenValidAsync(again.InstanceUrl, again.AccessToken!));

        // The check is the documented Organization query, at the stored version when one is given.
        sf.Server.ClearRequests();
        Assert.False(await client.IsTokenValidAsync(again.InstanceUrl, again.AccessToken!, "58.0"));
        var check = Assert.Single(sf.Server.Requests);
        Assert.Equal("/services/data/v58.0/query", check.Path);
        Assert.Contains("FROM%20Organization", check.Query);
        Assert.True(check.HadAuthorization);
        Assert.DoesNotContain(sf.Server.Requests, r => r.Path == "/services/oauth2/userinfo");
    }

    [Fact]
    public async Task An_unreachable_instance_is_an_exception_not_false()
    {
        using var client = new SalesforceLoginClient();
        var ex = await Assert.ThrowsAsync<TokenEndpointException>(() =>
            client.IsTokenValidAsync($"http://127.0.0.1:{TransportTests.UnusedPort()}", "00Dx!AQsecret-token"));

        Assert.Equal("ConnectionRefused", ex.ErrorId);
        SecretAssert.NoSecrets(ex, "00Dx!AQsecret-token");
    }

    [Fact]
    public async Task A_token_is_never_sent_over_plain_http_to_a_remote_host()
    {
        using var client = new SalesforceLoginClient();
        var ex = await Assert.ThrowsAsync<LoginUrlException>(() => client.IsTokenValidAsync("http://na1.salesforce.com", "00Dx!AQsecret-token"));

        Assert.Equal("LoginUrlNotHttps", ex.ErrorId);
        SecretAssert.NoSecrets(ex, "00Dx!AQsecret-token");
    }
}
