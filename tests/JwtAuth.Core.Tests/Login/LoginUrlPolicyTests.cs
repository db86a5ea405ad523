using JwtAuth.Core.Login;

namespace JwtAuth.Core.Tests.Login;

public class LoginUrlPolicyTests
{
    [Theory]
    [InlineData("https://login.salesforce.com", "https://login.salesforce.com")]
    [InlineData("https://login.salesforce.com/", "https://login.salesforce.com")]
    [InlineData("  https://Login.Salesforce.com/  ", "https://login.salesforce.com")]
    [InlineData("login.salesforce.com", "https://login.salesforce.com")]
    [InlineData("acme--uat.sandbox.my.salesforce.com", "https://acme--uat.sandbox.my.salesforce.com")]
    [InlineData("https://acme.my.salesforce.com:443/", "https://acme.my.salesforce.com")]
    [InlineData("https://acme.my.salesforce.com:8443", "https://acme.my.salesforce.com:8443")]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000")]
    [InlineData("http://127.8.9.10:5000/", "http://127.8.9.10:5000")]
    [InlineData("http://localhost:5000", "http://localhost:5000")]
    [InlineData("http://[::1]:5000", "http://[::1]:5000")]
    public void Accepted_urls_are_normalized_to_scheme_and_host(string input, string expected)
    {
        var url = LoginUrlPolicy.Normalize(input);
        Assert.Equal(expected, LoginUrlPolicy.Format(url));
    }

    [Theory]
    [InlineData("http://login.salesforce.com", "https://login.salesforce.com")]
    [InlineData("http://acme.my.salesforce.com/", "https://acme.my.salesforce.com")]
    [InlineData("http://10.0.0.5:8080", "https://10.0.0.5")]
    [InlineData("http://localhost.example.com", "https://localhost.example.com")]
    public void Plain_http_is_refused_outside_loopback(string input, string suggested)
    {
        var ex = Assert.Throws<LoginUrlException>(() => LoginUrlPolicy.Normalize(input));
        Assert.Equal("LoginUrlNotHttps", ex.ErrorId);
        Assert.Equal(suggested, ex.SuggestedLoginUrl);
        Assert.Contains(suggested, ex.Message);
    }

    [Theory]
    [InlineData("ftp://login.salesforce.com")]
    [InlineData("file:///etc/passwd")]
    public void Other_schemes_are_refused(string input)
    {
        var ex = Assert.Throws<LoginUrlException>(() => LoginUrlPolicy.Normalize(input));
        Assert.Contains(ex.ErrorId, new[] { "LoginUrlNotHttps", "LoginUrlMalformed" });
    }

    [Theory]
    [InlineData("https://login.salesforce.com/services/oauth2/token")]
    [InlineData("https://acme.my.salesforce.com/home")]
    [InlineData("https://login.salesforce.com?startURL=/x")]
    [InlineData("https://login.salesforce.com/#frag")]
    public void A_path_or_query_is_refused_and_the_host_suggested(string input)
    {
        var ex = Assert.Throws<LoginUrlException>(() => LoginUrlPolicy.Normalize(input));
        Assert.Equal("LoginUrlHasPath", ex.ErrorId);
        Assert.Contains("just the host", ex.Message);
        Assert.StartsWith("https://", ex.SuggestedLoginUrl);
        Assert.DoesNotContain("/services", ex.SuggestedLoginUrl);
    }

    [Theory]
    [InlineData("https://acme.lightning.force.com", "https://acme.my.salesforce.com")]
    [InlineData("acme.lightning.force.com/lightning/page/home", "https://acme.my.salesforce.com")]
    [InlineData("https://x--y.sandbox.lightning.force.com", "https://x--y.sandbox.my.salesforce.com")]
    [InlineData("https://acme-dev-ed.develop.lightning.force.com", "https://acme-dev-ed.develop.my.salesforce.com")]
    [InlineData("https://acme--c.vf.force.com", "https://acme.my.salesforce.com")]
    [InlineData("https://acme--uat--c.sandbox.vf.force.com", "https://acme--uat.sandbox.my.salesforce.com")]
    [InlineData("https://acme.my.salesforce-setup.com", "https://acme.my.salesforce.com")]
    [InlineData("https://x--y.sandbox.my.salesforce-setup.com", "https://x--y.sandbox.my.salesforce.com")]
    public void Lightning_visualforce_and_setup_domains_name_the_my_domain_to_use(string input, string myDomain)
    {
        var ex = Assert.Throws<LoginUrlException>(() => LoginUrlPolicy.Normalize(input));
        // The domain check runs before the path check, so a pasted Lightning page URL gets the useful advice.
        Assert.Equal("LoginUrlNotLoginDomain", ex.ErrorId);
        Assert.Equal(myDomain, ex.SuggestedLoginUrl);
        Assert.Contains(myDomain, ex.Message);
    }

    [Fact]
    public void A_legacy_visualforce_host_is_refused_without_a_guess()
    {
        var ex = Assert.Throws<LoginUrlException>(() => LoginUrlPolicy.Normalize("https://c.na1.visual.force.com"));
        Assert.Equal("LoginUrlNotLoginDomain", ex.ErrorId);
        Assert.Null(ex.SuggestedLoginUrl);
        Assert.Contains("My Domain", ex.Message);
    }

    [Theory]
    [InlineData(null, "LoginUrlMissing")]
    [InlineData("", "LoginUrlMissing")]
    [InlineData("   ", "LoginUrlMissing")]
    [InlineData("https://", "LoginUrlMalformed")]
    [InlineData("https://exa mple.com", "LoginUrlMalformed")]
    [InlineData("https://[::1", "LoginUrlMalformed")]
    [InlineData("://nohost", "LoginUrlMalformed")]
    public void Empty_and_malformed_urls_are_typed_errors(string? input, string errorId)
    {
        var ex = Assert.Throws<LoginUrlException>(() => LoginUrlPolicy.Normalize(input));
        Assert.Equal(errorId, ex.ErrorId);
        Assert.False(string.IsNullOrEmpty(ex.Fix));
    }

    [Fact]
    public void Credentials_in_the_url_are_refused_without_echoing_them()
    {
        var ex = Assert.Throws<LoginUrlException>(() => LoginUrlPolicy.Normalize("https://admin:hunter2@login.salesforce.com"));
        Assert.Equal("LoginUrlMalformed", ex.ErrorId);
        Assert.DoesNotContain("hunter2", ex.ToString());
        Assert.DoesNotContain("hunter2", ex.Target?.ToString() ?? string.Empty);
    }
}
