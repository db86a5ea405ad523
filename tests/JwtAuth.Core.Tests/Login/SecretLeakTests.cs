using JwtAuth.Core.Jwt;
using JwtAuth.Core.Login;
using JwtAuth.Core.Tests.Jwt;
using MockSalesforce.Faults;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Login;

/// <summary>
/// RS256 signatures are deterministic, so with a fixed clock the test can build the very assertion the client
/// sends and look for it (and for tokens) in every error and progress text the client produces.
/// </summary>
public class SecretLeakTests
{
    public static TheoryData<string> Scenarios() => new()
    {
        "InvalidClientId", "AudienceInvalid", "UserNotApproved", "UserNotApprovedAfterRetries", "TruncatedJson",
        "HtmlPage", "Repeated503", "Redirect", "Timeout", "DroppedConnection", "IncompleteJson", "FollowUpFailures",
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task No_error_or_progress_text_contains_the_assertion_or_a_token(string scenario)
    {
        await using var sf = await MockFixture.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var user = sf.AddUser(OrgKind.Production);
        var request = sf.LoginRequest(user);
        var secrets = new List<string> { "eyJ", "!AQ", "00Dx!secret" };
        Action<SalesforceLoginClientOptions>? configure = null;
        var faultBody = "{\"access_token\":\"00Dx!secret\",\"instance_url\":\"" + sf.Server.BaseUrl + "\"}";

        switch (scenario)
        {
            case "InvalidClientId": request.ClientId = "3MVG9unknown"; break;
            case "AudienceInvalid": request.Audience = "https://test.salesforce.com"; break;
            case "UserNotApproved": user.RevokeAuthorization(sf.App); break;
            case "UserNotApprovedAfterRetries": user.RevokeAuthorization(sf.App); request.RetryTimeout = TimeSpan.FromSeconds(20); break;
            case "TruncatedJson": sf.Server.Faults.Enqueue(Fault.TruncatedJson(path: "/services/oauth2/token")); break;
            case "HtmlPage": sf.Server.Faults.Enqueue(Fault.Html(200, path: "/services/oauth2/token")); break;
            case "Repeated503": sf.Server.Faults.Enqueue(Fault.Status(503, count: null, path: "/services/oauth2/token")); break;
            case "Redirect": sf.Server.Faults.Enqueue(Fault.Redirect("http://127.0.0.2:9/", path: "/services/oauth2/token")); break;
            case "Timeout":
                sf.Server.Faults.Enqueue(Fault.Delay(30_000, path: "/services/oauth2/token"));
                configure = o => o.RequestTimeout = TimeSpan.FromMilliseconds(300);
                break;
            case "DroppedConnection": sf.Server.Faults.Enqueue(Fault.DropConnection(count: null, path: "/services/oauth2/token")); break;
            case "IncompleteJson": sf.Server.Faults.Enqueue(Fault.Status(200, path: "/services/oauth2/token", body: faultBody)); break;
            case "FollowUpFailures":
                sf.Server.Faults.Enqueue(Fault.Status(500, count: null, path: "/services/data*", body: "{\"token\":\"00Dx!secret\"}"));
                break;
        }

        using var client = sf.Client(o =>
        {
            o.TimeProvider = new FixedClock(now);
            configure?.Invoke(o);
        });
        var assertion = new AssertionBuilder(new FixedClock(now)).Build(sf.Keys.Key, request.ClientId, request.Username,
            AudienceResolver.Resolve(LoginUrlPolicy.Normalize(request.LoginUrl), request.Audience));
        secrets.Add(assertion);
        secrets.Add(assertion.Split('.')[2]);
        var progress = new ProgressLog();

        string? token = null;
        Exception? error = null;
        try
        {
            token = (await sf.LoginAsync(client, request, progress)).AccessToken;
        }
        catch (Exception ex)
        {
            error = ex;
        }

        if (token != null) secrets.Add(token);
        Assert.True(scenario == "FollowUpFailures" ? error is null : error is not null, $"{scenario}: {error}");
        // The assertion looked for is the one sent: same claims, and RS256 (PKCS#1 v1.5) signing is deterministic.
        var sent = sf.Server.TokenRequests[0].Assertion!;
        var built = CompactJwt.Parse(assertion);
        Assert.Equal((long)built.Claims["exp"]!, (long)sent.ClaimNumber("exp")!);
        Assert.Equal((string?)built.Claims["aud"], sent.ClaimString("aud"));
        foreach (var text in progress.Items.Select(p => p.ToString()).Append(error?.ToString() ?? string.Empty))
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text);
            }
        }
    }
}
