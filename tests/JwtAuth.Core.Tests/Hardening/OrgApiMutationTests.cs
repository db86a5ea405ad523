using System.Net;
using System.Text;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Http;
using JwtAuth.Core.OrgApi;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// Seeded mutations of the org API's answers (query pages, limits, an insert, a deploy's start and status) under
/// various statuses, through the real reading code over an in-memory handler: every call returns or throws a
/// JwtAuthException with a fix, never a parser or cast exception, and no exception carries the token.
/// </summary>
public class OrgApiMutationTests
{
    private const string Token = "00Dxx0000001gPL!AQmutationOrgApiToken";

    private static readonly (string Name, string Body, Func<OrgApiClient, Task> Call)[] Calls =
    {
        ("query", "{\"totalSize\":2,\"done\":false,\"nextRecordsUrl\":\"/services/data/v62.0/query/01g-2000\",\"records\":[{\"attributes\":{\"type\":\"ScratchOrgInfo\"},\"Id\":\"2SR000000000001AAA\"}]}",
            api => api.QueryAsync("SELECT Id FROM ScratchOrgInfo")),
        ("limits", "{\"DailyScratchOrgs\":{\"Max\":6,\"Remaining\":5},\"ActiveScratchOrgs\":{\"Max\":3,\"Remaining\":3}}",
            api => api.GetLimitsAsync()),
        ("insert", "{\"id\":\"2SR5g000000TdQYGA0\",\"success\":true,\"errors\":[]}",
            api => api.InsertAsync("ScratchOrgInfo", new JObject { ["Edition"] = "Developer" })),
        ("deploy", "{\"id\":\"0Afxx00000001VPCAY\",\"deployResult\":{\"status\":\"Failed\",\"done\":true,\"details\":{\"componentFailures\":[{\"componentType\":\"Settings\",\"fullName\":\"Security\",\"problem\":\"bad\",\"lineNumber\":3}]}}}",
            api => api.DeployAsync(new byte[] { 0x50, 0x4B, 0x05, 0x06 }, null, new DeployPolling(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)))),
        ("error", "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\",\"fields\":[\"Name\"]}]",
            api => api.QueryAsync("SELECT Id FROM Organization")),
    };

    private static readonly int[] Statuses = { 200, 200, 201, 204, 302, 400, 401, 403, 404, 500, 503 };

    private readonly ITestOutputHelper _output;

    public OrgApiMutationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Mutated_org_api_answers_end_in_a_result_or_a_typed_error()
    {
        const int count = 3000;
        var seed = Mutator.RunSeed();
        var mutator = new Mutator(seed);
        var choice = new Random(seed);
        var failures = new List<string>();
        var typed = 0;

        var run = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                var (name, body, call) = Calls[choice.Next(Calls.Length)];
                var status = Statuses[choice.Next(Statuses.Length)];
                var mutated = mutator.Mutate(Encoding.UTF8.GetBytes(body), out var how);
                using var http = new HttpClient(new CannedHandler(status, mutated));
                var rest = new OrgRest(new HttpSender(http, 64 * 1024, TimeProvider.System), new Uri("https://acme.my.salesforce.com"), Token,
                    TimeSpan.FromSeconds(30));
                var api = new OrgApiClient(rest, "62.0", (_, _) => Task.CompletedTask);
                try
                {
                    await call(api);
                }
                catch (JwtAuthException e)
                {
                    typed++;
                    if (string.IsNullOrWhiteSpace(e.Fix)) failures.Add($"case {i} ({name}, HTTP {status}, {how}): {e.ErrorId} without a fix");
                    for (Exception? x = e; x != null; x = x.InnerException)
                    {
                        if (x.ToString().Contains(Token, StringComparison.Ordinal))
                            failures.Add($"case {i} ({name}, HTTP {status}, {how}): {e.ErrorId} carries the token");
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"case {i} ({name}, HTTP {status}, {how}): {e.GetType().FullName}");
                }
            }
        });
        if (await Task.WhenAny(run, Task.Delay(Bounded.Limit)) != run)
            Assert.Fail($"Org API campaign did not finish (hang?); seed {seed}");
        await run;

        _output.WriteLine($"seed {seed}: {count} cases, {typed} typed errors, {failures.Count} failures");
        foreach (var failure in failures.Take(20)) _output.WriteLine(failure);
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {count} cases failed (seed {seed}; replay with JWTAUTH_MUTATION_SEED={seed}). First: {string.Join(" | ", failures.Take(5))}");
    }

    /// <summary>Every request gets the same status and body, as JSON.</summary>
    private sealed class CannedHandler(int status, byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(body), RequestMessage = request };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json;charset=UTF-8");
            if (status == 302) response.Headers.Location = new Uri("https://elsewhere.example.com/services/data");
            return Task.FromResult(response);
        }
    }
}
