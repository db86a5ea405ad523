using System.Net;
using System.Text;
using JwtAuth.Core.Http;
using JwtAuth.Core.OrgDetails;
using Xunit.Abstractions;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// After the token, the client reads API versions, the Organization row and the Dev Hub flag; their failures must
/// not fail the login. Seeded mutations of those answers go through OrgDetailsReader over an in-memory handler:
/// it must always return details (possibly unknown) and never throw.
/// </summary>
public class OrgDetailsMutationTests
{
    private const string Versions = "[{\"label\":\"Winter '25\",\"url\":\"/services/data/v62.0\",\"version\":\"62.0\"}," +
                                    "{\"label\":\"Spring '26\",\"url\":\"/services/data/v65.0\",\"version\":\"65.0\"}]";

    private const string Organization = "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Organization\",\"url\":\"/x\"}," +
                                        "\"Name\":\"Acme\",\"InstanceName\":\"NA1\",\"IsSandbox\":true,\"TrialExpirationDate\":\"2026-12-01T00:00:00.000+0000\"," +
                                        "\"NamespacePrefix\":null,\"OrganizationType\":\"Developer Edition\"}]}";

    private const string DevHub = "{\"totalSize\":0,\"done\":true,\"records\":[]}";

    private static readonly int[] Statuses = { 200, 200, 200, 200, 400, 401, 404, 500, 302 };

    private readonly ITestOutputHelper _output;

    public OrgDetailsMutationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Mutated_org_detail_answers_never_fail_the_login()
    {
        const int count = 3000;
        var seed = Mutator.RunSeed();
        var mutator = new Mutator(seed);
        var choice = new Random(seed);
        var failures = new List<string>();
        var unknownTypes = 0;

        var run = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                // One mutated answer per case, on one of the three calls; the others answer normally.
                var target = choice.Next(3);
                var status = Statuses[choice.Next(Statuses.Length)];
                var how = string.Empty;
                byte[] Answer(int which, string body) =>
                    which == target ? mutator.Mutate(Encoding.UTF8.GetBytes(body), out how) : Encoding.UTF8.GetBytes(body);
                var versions = Answer(0, Versions);
                var organization = Answer(1, Organization);
                var devHub = Answer(2, DevHub);

                using var http = new HttpClient(new RoutingHandler(path =>
                    path.EndsWith("/services/data", StringComparison.Ordinal) ? (target == 0 ? status : 200, versions)
                    : path.Contains("ScratchOrgInfo", StringComparison.Ordinal) ? (target == 2 ? status : 200, devHub)
                    : (target == 1 ? status : 200, organization)));
                var reader = new OrgDetailsReader(new HttpSender(http, 64 * 1024, TimeProvider.System));
                try
                {
                    var details = await reader.ReadAsync(new Uri("https://acme.my.salesforce.com"), "00D!token", TimeSpan.FromSeconds(30), checkDevHub: true, _ => { }, CancellationToken.None);
                    if (details.OrgType == Model.OrgType.Unknown) unknownTypes++;
                }
                catch (Exception e)
                {
                    failures.Add($"case {i} (call {target}, HTTP {status}, {how}): {e.GetType().FullName}");
                }
            }
        });
        if (await Task.WhenAny(run, Task.Delay(Bounded.Limit)) != run)
            Assert.Fail($"Org details campaign did not finish (hang?); seed {seed}");
        await run;

        _output.WriteLine($"seed {seed}: {count} cases, {unknownTypes} ended with OrgType Unknown, {failures.Count} threw");
        foreach (var failure in failures.Take(20)) _output.WriteLine(failure);
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {count} cases threw (seed {seed}; replay with JWTAUTH_MUTATION_SEED={seed}). First: {string.Join(" | ", failures.Take(5))}");
    }

    private sealed class RoutingHandler(Func<string, (int Status, byte[] Body)> route) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (status, body) = route(request.RequestUri!.GetLeftPart(UriPartial.Path) + Uri.UnescapeDataString(request.RequestUri.Query));
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(body) };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json;charset=UTF-8");
            return Task.FromResult(response);
        }
    }
}
