using System.Net;
using JwtAuth.Core.Login;
using JwtAuth.Core.Tests.Login;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Http;

public class ProxyTests
{
    /// <summary>Sends everything, loopback included, to one proxy.</summary>
    private sealed class AlwaysProxy(Uri proxy) : IWebProxy
    {
        public ICredentials? Credentials { get; set; }
        public Uri GetProxy(Uri destination) => proxy;
        public bool IsBypassed(Uri host) => false;
    }

    [Fact]
    public async Task An_explicit_proxy_carries_the_token_request()
    {
        // The mock answers absolute-form requests, so it can stand in for a forward proxy in front of a host
        // that does not exist: the login only succeeds if every request went through the proxy.
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        var unreachable = $"http://127.0.0.1:{TransportTests.UnusedPort()}";
        using var client = sf.Client(o => o.Proxy = new AlwaysProxy(new Uri(sf.Server.BaseUrl)));
        var request = sf.LoginRequest(user);
        request.LoginUrl = unreachable;

        var auth = await sf.LoginAsync(client, request);

        Assert.Equal(user.Org.Id, auth.OrgId);
        Assert.Equal(unreachable, auth.LoginUrl);
        var token = Assert.Single(sf.Server.TokenRequests);
        Assert.Equal(new Uri(unreachable).Authority, token.Host);
    }
}
