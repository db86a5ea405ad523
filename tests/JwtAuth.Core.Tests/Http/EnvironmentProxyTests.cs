using System.Net;
using JwtAuth.Core.Http;

namespace JwtAuth.Core.Tests.Http;

/// <summary>The .NET Framework path reads proxy variables itself; the logic is plain code, tested here on .NET 10.</summary>
public class EnvironmentProxyTests
{
    private static EnvironmentProxy? From(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return EnvironmentProxy.FromEnvironment(name => map.TryGetValue(name, out var value) ? value : null);
    }

    [Fact]
    public void No_variables_means_no_proxy_of_our_own()
    {
        Assert.Null(From());
        Assert.Null(From(("NO_PROXY", "example.com")));
    }

    [Fact]
    public void Https_destinations_use_HTTPS_PROXY_and_fall_back_to_HTTP_PROXY()
    {
        var both = From(("HTTPS_PROXY", "http://secure-proxy:3128"), ("HTTP_PROXY", "http://plain-proxy:8080"))!;
        Assert.Equal(new Uri("http://secure-proxy:3128"), both.GetProxy(new Uri("https://login.salesforce.com")));
        Assert.Equal(new Uri("http://plain-proxy:8080"), both.GetProxy(new Uri("http://example.com")));

        var httpOnly = From(("http_proxy", "plain-proxy:8080"))!;
        Assert.Equal(new Uri("http://plain-proxy:8080"), httpOnly.GetProxy(new Uri("https://login.salesforce.com")));
    }

    [Theory]
    [InlineData("https://login.salesforce.com", false)]
    [InlineData("https://acme.my.salesforce.com", true)]
    [InlineData("https://my.salesforce.com", true)]
    [InlineData("https://intranet.corp", true)]
    [InlineData("https://x.intranet.corp", true)]
    [InlineData("https://notintranet.corp", false)]
    [InlineData("https://10.1.2.3", true)]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    public void NO_PROXY_and_loopback_bypass_the_proxy(string destination, bool bypassed)
    {
        var proxy = From(("HTTPS_PROXY", "http://proxy:3128"), ("HTTP_PROXY", "http://proxy:3128"),
            ("NO_PROXY", ".my.salesforce.com, intranet.corp,10.1.2.3:443"))!;
        var uri = new Uri(destination);

        Assert.Equal(bypassed, proxy.IsBypassed(uri));
        Assert.Equal(bypassed ? uri : new Uri("http://proxy:3128"), proxy.GetProxy(uri));
    }

    [Fact]
    public void A_star_bypasses_everything()
    {
        var proxy = From(("HTTPS_PROXY", "http://proxy:3128"), ("no_proxy", "*"))!;
        Assert.True(proxy.IsBypassed(new Uri("https://login.salesforce.com")));
    }

    [Fact]
    public void Credentials_in_the_proxy_url_become_proxy_credentials()
    {
        var proxy = From(("HTTPS_PROXY", "http://svc%40corp:p%3Ass@proxy:3128"))!;
        var credential = proxy.Credentials!.GetCredential(new Uri("http://proxy:3128"), "Basic");
        Assert.Equal("svc@corp", credential!.UserName);
        Assert.Equal("p:ss", credential.Password);
    }
}
