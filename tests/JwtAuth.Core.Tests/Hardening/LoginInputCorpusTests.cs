using JwtAuth.Core.Errors;
using JwtAuth.Core.Jwt;
using JwtAuth.Core.Login;
using JwtAuth.Core.Tests.Login;
using MockSalesforce.Model;
using MockSalesforce.Testing;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// Table-driven: login URLs, audiences, usernames and client ids as people mistype or paste them, through
/// SalesforceLoginClient against the mock. Every one ends in its ErrorId; the ones that can be judged
/// before sending never reach the token endpoint.
/// </summary>
public class LoginInputCorpusTests
{
    private const string Mock = "{MOCK}";

    public static TheoryData<string, string, bool> Urls => new()
    {
        // login URL, expected ErrorId, whether the token endpoint may be reached
        { "http://login.salesforce.com", "LoginUrlNotHttps", false },
        { "http://10.1.2.3:8443", "LoginUrlNotHttps", false },
        { "ftp://login.salesforce.com", "LoginUrlNotHttps", false },
        { "https://acme.lightning.force.com", "LoginUrlNotLoginDomain", false },
        { "https://acme.lightning.force.com/lightning/page/home", "LoginUrlNotLoginDomain", false },
        { "https://acme--uat.sandbox.lightning.force.com/", "LoginUrlNotLoginDomain", false },
        { "https://acme.my.salesforce-setup.com/lightning/setup/SetupOneHome/home", "LoginUrlNotLoginDomain", false },
        { "https://acme--c.vf.force.com/apex/Page", "LoginUrlNotLoginDomain", false },
        { "https://", "LoginUrlMalformed", false },
        { "not a url", "LoginUrlMalformed", false },
        { "https://[::1", "LoginUrlMalformed", false },
        { "javascript:alert(1)", "LoginUrlMalformed", false },
        { "https://admin:hunter2@login.salesforce.com", "LoginUrlMalformed", false },
        { "https://login.salesforce.com/services/oauth2/token", "LoginUrlHasPath", false },
        { "https://login.salesforce.com/?startURL=%2Fhome", "LoginUrlHasPath", false },
        { "https://login.salesforce.com/#frag", "LoginUrlHasPath", false },
        { Mock + "/services/oauth2/token", "LoginUrlHasPath", false },
        { "   ", "LoginUrlMissing", false },
    };

    public static TheoryData<string, string, string> Identities => new()
    {
        // username, client id, expected ErrorId: all judged before anything is signed or sent
        { "", MockFixture.ClientId, "MissingUsername" },
        { "   ", MockFixture.ClientId, "MissingUsername" },
        { "\t\r\n", MockFixture.ClientId, "MissingUsername" },
        { "{USER}", "", "MissingClientId" },
        { "{USER}", " \t ", "MissingClientId" },
        { "john doe@example.com", MockFixture.ClientId, "InvalidUsername" },
        { "admin@example.com\u0000", MockFixture.ClientId, "InvalidUsername" },
        { "admin@example.com\nsecond@example.com", MockFixture.ClientId, "InvalidUsername" },
        { new string('a', 10_000) + "@example.com", MockFixture.ClientId, "InvalidUsername" },
        { "{USER}", MockFixture.ClientId + " " + MockFixture.ClientId, "InvalidClientIdFormat" },
        { "{USER}", "3MVG9\u001b[2J", "InvalidClientIdFormat" },
        { "{USER}", new string('K', 100_000), "InvalidClientIdFormat" },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Login_url(string loginUrl, string expected, bool mayReachEndpoint)
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        var request = sf.LoginRequest(user);
        request.LoginUrl = loginUrl.Replace(Mock, sf.Server.BaseUrl);

        var error = await LoginFails(sf, request, expected);

        Assert.True(mayReachEndpoint || sf.Server.Requests.Count == 0, $"{loginUrl}: {sf.Server.Requests.Count} requests reached the mock");
        Assert.DoesNotContain("hunter2", error.ToString());
        if (loginUrl.Contains(".lightning.force.com", StringComparison.Ordinal))
        {
            // The user is told which My Domain URL to use instead.
            var my = loginUrl.StartsWith("https://acme--uat", StringComparison.Ordinal)
                ? "https://acme--uat.sandbox.my.salesforce.com"
                : "https://acme.my.salesforce.com";
            Assert.Equal(my, Assert.IsType<LoginUrlException>(error).SuggestedLoginUrl);
            Assert.Contains(my, error.Message);
        }
    }

    [Theory]
    [InlineData("not a url", "AudienceMalformed", 0)]
    [InlineData("http://login.salesforce.com", "AudienceMalformed", 0)]
    // Experience Cloud site audiences may have a path, so only Salesforce can refuse this one.
    [InlineData("https://login.salesforce.com/path", "AudienceInvalid", 1)]
    public async Task Audience(string audience, string expected, int tokenRequests)
    {
        await using var sf = await MockFixture.StartAsync();
        var request = sf.LoginRequest(sf.AddUser(OrgKind.Production));
        request.Audience = audience;

        await LoginFails(sf, request, expected, tokenRequests == 0 ? JwtAuthErrorKind.InvalidArgument : JwtAuthErrorKind.AuthenticationError);

        Assert.Equal(tokenRequests, sf.Server.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public async Task Username_and_client_id(string username, string clientId, string expected)
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        var request = sf.LoginRequest(user);
        request.Username = username.Replace("{USER}", user.Username);
        request.ClientId = clientId;

        var error = await LoginFails(sf, request, expected);

        Assert.Empty(sf.Server.Requests);
        Assert.True(error.Message.Length < 1000, $"message of {error.Message.Length} chars echoes the input");
    }

    [Fact]
    public async Task A_username_at_the_80_character_limit_is_sent()
    {
        await using var sf = await MockFixture.StartAsync();
        var username = new string('u', 80 - "@example.com".Length) + "@example.com";
        var user = sf.AddUser(OrgKind.Production, username);
        using var client = sf.Client();

        var auth = await sf.LoginAsync(client, sf.LoginRequest(user));

        Assert.Equal(username, auth.Username);
    }

    [Fact]
    public async Task A_key_that_does_not_match_the_uploaded_certificate_is_refused_by_Salesforce_as_an_invalid_assertion()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        using var otherKey = TestKeyPair.Create();
        using var client = sf.Client();

        var error = await Assert.ThrowsAsync<SalesforceAuthException>(() =>
            client.LoginAsync(sf.LoginRequest(user), otherKey.Key, sf.KeyReference));

        Assert.Equal("InvalidAssertion", error.ErrorId);
        Assert.Contains("certificate", error.Fix, StringComparison.OrdinalIgnoreCase);
        Assert.Single(sf.Server.TokenRequests);
        HardeningAssert.NoSecrets(error, HardeningAssert.SecretsOf(null));
    }

    private static async Task<JwtAuthException> LoginFails(MockFixture sf, JwtLoginRequest request, string expected,
        JwtAuthErrorKind kind = JwtAuthErrorKind.InvalidArgument)
    {
        using var client = sf.Client();
        var progress = new ProgressLog();
        Exception? thrown = null;
        try
        {
            await sf.LoginAsync(client, request, progress);
        }
        catch (Exception e)
        {
            thrown = e;
        }

        var error = Assert.IsAssignableFrom<JwtAuthException>(thrown);
        Assert.True(expected == error.ErrorId, $"expected {expected}, got {error.ErrorId}: {error.Message}");
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
        Assert.Equal(kind, error.Kind);
        HardeningAssert.NoSecrets(error, HardeningAssert.SecretsOf(null));
        return error;
    }
}
