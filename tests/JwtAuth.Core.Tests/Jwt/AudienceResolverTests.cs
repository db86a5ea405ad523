using JwtAuth.Core.Jwt;
using JwtAuth.Core.Login;

namespace JwtAuth.Core.Tests.Jwt;

public class AudienceResolverTests
{
    private const string Login = "https://login.salesforce.com";
    private const string Test = "https://test.salesforce.com";

    [Theory]
    // Production, Developer Edition, Dev Hub
    [InlineData("https://login.salesforce.com", Login)]
    [InlineData("https://acme.my.salesforce.com", Login)]
    [InlineData("https://acme-dev-ed.develop.my.salesforce.com", Login)]
    [InlineData("https://acme.trailblaze.my.salesforce.com", Login)]
    [InlineData("https://na224.salesforce.com", Login)]
    // Sandboxes and scratch orgs
    [InlineData("https://test.salesforce.com", Test)]
    [InlineData("https://acme--uat.sandbox.my.salesforce.com", Test)]
    [InlineData("https://power-fun-1234-dev-ed.scratch.my.salesforce.com", Test)]
    [InlineData("https://acme--uat.my.salesforce.com", Test)]
    [InlineData("https://cs42.salesforce.com", Test)]
    [InlineData("https://acme.cs42.my.salesforce.com", Test)]
    [InlineData("https://CS112.salesforce.com", Test)]
    // The gs1 government instance, as the Salesforce CLI sends it
    [InlineData("https://gs1.salesforce.com", "https://gs1.salesforce.com")]
    [InlineData("https://agency.gs1.my.salesforce.com", "https://gs1.salesforce.com")]
    // Loopback (the mock, demos) has no hint: production unless the caller says otherwise
    [InlineData("http://127.0.0.1:5123", Login)]
    [InlineData("http://localhost:5123", Login)]
    [InlineData("http://[::1]:5123", Login)]
    public void Login_url_decides_the_audience(string loginUrl, string expected)
    {
        Assert.Equal(expected, AudienceResolver.Resolve(LoginUrlPolicy.Normalize(loginUrl), null));
    }

    [Theory]
    [InlineData("https://acme.my.salesforce.com", "https://test.salesforce.com", "https://test.salesforce.com")]
    [InlineData("http://127.0.0.1:5123", "https://test.salesforce.com/", "https://test.salesforce.com")]
    [InlineData("https://test.salesforce.com", "https://login.salesforce.com", "https://login.salesforce.com")]
    [InlineData("https://acme.my.site.com", "https://acme.my.site.com/customers/", "https://acme.my.site.com/customers")]
    public void An_explicit_audience_overrides_and_loses_its_trailing_slash(string loginUrl, string audience, string expected)
    {
        Assert.Equal(expected, AudienceResolver.Resolve(LoginUrlPolicy.Normalize(loginUrl), audience));
    }

    [Theory]
    [InlineData("login.salesforce.com")]
    [InlineData("http://login.salesforce.com")]
    [InlineData("https://login.salesforce.com?x=1")]
    [InlineData("ftp://login.salesforce.com")]
    public void A_malformed_explicit_audience_is_refused(string audience)
    {
        var ex = Assert.Throws<LoginUrlException>(() => AudienceResolver.Resolve(new Uri("https://login.salesforce.com"), audience));
        Assert.Equal("AudienceMalformed", ex.ErrorId);
        Assert.Contains("https://test.salesforce.com", ex.Fix);
    }

    [Theory]
    [InlineData("https://agency.my.salesforce.mil")]
    [InlineData("https://agency--uat.sandbox.my.salesforce.mil")]
    public void Government_cloud_plus_hosts_need_an_explicit_audience(string loginUrl)
    {
        var url = LoginUrlPolicy.Normalize(loginUrl);
        var ex = Assert.Throws<LoginUrlException>(() => AudienceResolver.Resolve(url, null));
        Assert.Equal("AudienceRequired", ex.ErrorId);
        Assert.Contains("-Audience", ex.Fix);
        Assert.Equal("https://login.salesforce.mil", AudienceResolver.Resolve(url, "https://login.salesforce.mil"));
    }

    [Theory]
    [InlineData("https://test.salesforce.com", true)]
    [InlineData("https://x--y.sandbox.my.salesforce.com", true)]
    [InlineData("https://x.scratch.my.salesforce.com", true)]
    [InlineData("https://x--y.my.salesforce.com", true)]
    [InlineData("https://cs7.salesforce.com", true)]
    [InlineData("https://login.salesforce.com", false)]
    [InlineData("https://x.my.salesforce.com", false)]
    [InlineData("https://x.develop.my.salesforce.com", false)]
    [InlineData("https://docs.salesforce.com", false)]
    [InlineData("https://x--y.example.com", false)]
    public void Sandbox_like_hosts(string url, bool expected)
    {
        Assert.Equal(expected, AudienceResolver.IsSandboxLike(new Uri(url)));
    }
}
