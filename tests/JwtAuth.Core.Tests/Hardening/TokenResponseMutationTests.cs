using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Http;
using JwtAuth.Core.Login;
using Xunit.Abstractions;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// Seeded random mutations of Salesforce's token answers (success and error JSON), under random status codes,
/// content types, Location and Retry-After headers, through the real reading code (HttpSender, JsonBody,
/// TokenResponse, TokenRequest, SalesforceErrorCatalog) over an in-memory handler. Allowed: a token, a
/// Salesforce refusal that becomes a SalesforceAuthException, or a TokenEndpointException. Nothing else.
/// </summary>
public class TokenResponseMutationTests
{
    private const string AccessToken = "00D5g000004Xyz1!AQcAQLmutationTokenValue.that.must.never.leak";
    private static readonly Uri TokenUrl = new("https://login.salesforce.com/services/oauth2/token");

    private static readonly string[] Bodies =
    {
        "{\"access_token\":\"" + AccessToken + "\",\"scope\":\"api web\",\"instance_url\":\"https://acme.my.salesforce.com\"," +
        "\"id\":\"https://login.salesforce.com/id/00D5g000004XyzAEAS/0055g00000AbcdeAAB\",\"token_type\":\"Bearer\"," +
        "\"issued_at\":\"1763798400000\",\"signature\":\"c2lnbmF0dXJl\"}",
        "{\"error\":\"invalid_grant\",\"error_description\":\"user hasn't approved this consumer\"}",
        "{\"error\":\"invalid_client_id\",\"error_description\":\"client identifier invalid\"}",
        "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]",
    };

    private static readonly int[] Statuses = { 200, 200, 200, 400, 400, 401, 302, 307, 429, 500, 503, 204, 418 };

    private static readonly string?[] ContentTypes =
    {
        "application/json;charset=UTF-8", "application/json", "text/html; charset=utf-8", "text/plain", null, "", ";;;",
        "application/json; charset=utf-16", "application/json; charset=nonsense", "\u00e9/\u00e9", "multipart/form-data; boundary=",
    };

    private static readonly string?[] Locations =
    {
        null, "https://evil.example.com/services/oauth2/token", "/relative/path", "//other.example.com/x", "http://[::1", "mailto:x@y",
        "https://login.salesforce.com", "\u00e9\u00e9",
    };

    private static readonly string?[] RetryAfters = { null, "1", "0", "-5", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT", "soon", "" };

    private readonly ITestOutputHelper _output;

    public TokenResponseMutationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Mutated_token_answers_end_in_a_token_or_a_typed_error()
    {
        const int count = 20000;
        var seed = Mutator.RunSeed();
        var mutator = new Mutator(seed);
        var choice = new Random(seed);
        var failures = new List<string>();
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var canned = new CannedHandler();
        using var http = new HttpClient(canned);
        var sender = new HttpSender(http, 64 * 1024, TimeProvider.System);

        var run = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                var body = mutator.Mutate(Encoding.UTF8.GetBytes(Bodies[choice.Next(Bodies.Length)]), out var how);
                var status = Statuses[choice.Next(Statuses.Length)];
                var contentType = ContentTypes[choice.Next(ContentTypes.Length)];
                var location = Locations[choice.Next(Locations.Length)];
                var retryAfter = RetryAfters[choice.Next(RetryAfters.Length)];
                canned.Next = () => Response(status, body, contentType, location, retryAfter);
                var label = $"case {i} (HTTP {status}, {contentType ?? "no type"}, {how})";
                var outcome = await Attempt(sender, label, failures);
                outcomes[outcome] = outcomes.TryGetValue(outcome, out var n) ? n + 1 : 1;
            }
        });
        if (await Task.WhenAny(run, Task.Delay(Bounded.Limit)) != run)
            Assert.Fail($"Mutation campaign did not finish (hang?); seed {seed}");
        await run;

        _output.WriteLine($"seed {seed}: {count} cases: {string.Join(", ", outcomes.Select(p => $"{p.Key} {p.Value}"))}");
        foreach (var failure in failures.Take(20)) _output.WriteLine(failure);
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {count} mutated answers failed untyped (seed {seed}; replay with JWTAUTH_MUTATION_SEED={seed}). First: {string.Join(" | ", failures.Take(5))}");
    }

    /// <summary>One token POST as the client makes it, including turning a refusal into its exception.</summary>
    private static async Task<string> Attempt(HttpSender sender, string label, List<string> failures)
    {
        try
        {
            var attempt = await TokenRequest.SendAsync(sender, TokenUrl, "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", TimeSpan.FromSeconds(30), CancellationToken.None);
            if (attempt.Token != null)
            {
                _ = JwtAuth.Core.Login.LoginUrlPolicy.Format(attempt.Token.InstanceUrl);
                if (attempt.Token.OrgId.Length == 0 || attempt.Token.UserId.Length == 0) failures.Add($"{label}: token without org or user id");
                return "token";
            }

            var refusal = SalesforceErrorCatalog.Create(new SalesforceErrorContext
            {
                Error = attempt.Error!, ErrorDescription = attempt.ErrorDescription, StatusCode = attempt.StatusCode,
                TokenUrl = TokenUrl.ToString(), Audience = "https://login.salesforce.com", Username = "u@example.com", ClientId = "3MVG9x",
                KeyDescription = "key file /k.key",
            });
            CheckTyped(refusal, label, failures);
            return refusal.ErrorId;
        }
        catch (TokenEndpointException e)
        {
            CheckTyped(e, label, failures);
            return e.ErrorId;
        }
        catch (Exception e)
        {
            failures.Add($"{label}: {e.GetType().FullName}: {Truncate(e.Message)}");
            return "UNTYPED " + e.GetType().Name;
        }
    }

    private static void CheckTyped(JwtAuthException e, string label, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(e.Fix)) failures.Add($"{label}: {e.ErrorId} without a fix");
        for (Exception? x = e; x != null; x = x.InnerException)
        {
            var text = x.ToString();
            if (text.Contains("eyJ", StringComparison.Ordinal) || text.Contains("mutationTokenValue", StringComparison.Ordinal))
                failures.Add($"{label}: {e.ErrorId} carries the assertion or the token");
        }
    }

    private static HttpResponseMessage Response(int status, byte[] body, string? contentType, string? location, string? retryAfter)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(body) };
        if (contentType != null) response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (location != null) response.Headers.TryAddWithoutValidation("Location", location);
        if (retryAfter != null) response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return response;
    }

    private static string Truncate(string text) => text.Length <= 160 ? text : text.Substring(0, 160) + "...";

    /// <summary>Answers every request with the response <see cref="Next"/> builds.</summary>
    private sealed class CannedHandler : HttpMessageHandler
    {
        public Func<HttpResponseMessage> Next { get; set; } = () => new HttpResponseMessage(HttpStatusCode.NoContent);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Next());
    }
}
