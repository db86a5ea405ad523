using JwtAuth.Core.Http;
using JwtAuth.Core.Login;
using JwtAuth.Core.Tests.Login;
using MockSalesforce.Faults;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// A token endpoint that redirects must never get the assertion re-posted anywhere: a second loopback listener,
/// the redirect's target, records that nobody even connected to it.
/// </summary>
public class RedirectTests
{
    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task The_token_POST_does_not_follow_a_redirect_to_another_host(int status)
    {
        await using var sf = await MockFixture.StartAsync();
        await using var elsewhere = new RecordingRelay();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.Redirect(elsewhere.BaseUrl, status, count: null, path: "/services/oauth2/token"));
        using var client = sf.Client();

        var error = await Assert.ThrowsAsync<TokenEndpointException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("TokenEndpointRedirect", error.ErrorId);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("127.0.0.1", error.RedirectHost);
        Assert.Contains(elsewhere.BaseUrl, error.Fix);
        Assert.Single(sf.Server.TokenRequests);
        Assert.Equal(0, elsewhere.Connections);
        HardeningAssert.NoSecrets(error, HardeningAssert.SecretsOf(null));
    }

    [Fact]
    public async Task A_redirect_to_the_same_host_is_not_followed_either()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.Redirect(sf.Server.BaseUrl + "/other/token", 307, count: 1, path: "/services/oauth2/token"));
        using var client = sf.Client();

        var error = await Assert.ThrowsAsync<TokenEndpointException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("TokenEndpointRedirect", error.ErrorId);
        Assert.Single(sf.Server.Requests);
    }

    [Fact]
    public async Task A_redirect_through_the_service_stores_nothing_and_contacts_nobody_else()
    {
        await using var s = await HardenedLogin.StartAsync();
        await using var elsewhere = new RecordingRelay();
        s.Server.Faults.Enqueue(Fault.Redirect(elsewhere.BaseUrl, 307, count: null, path: "/services/oauth2/token"));

        var result = await s.ConnectOneAsync(s.HubRequest());

        Assert.Equal("TokenEndpointRedirect", Assert.IsType<TokenEndpointException>(result.Error).ErrorId);
        Assert.Null(s.StoredHub());
        Assert.Equal(0, elsewhere.Connections);
    }
}
