using JwtAuth.Core.Errors;
using JwtAuth.Core.Login;
using JwtAuth.Core.Model;
using MockSalesforce;
using MockSalesforce.Faults;
using MockSalesforce.Logging;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Login;

public class BulkLoginTests
{
    [Fact]
    public async Task Many_scratch_orgs_log_in_within_the_throttle_and_one_bad_username_fails_alone()
    {
        // Latency makes logins overlap, so the mock's request log shows how many ran at once.
        await using var sf = await MockFixture.StartAsync(new MockOptions { LatencyMs = 150 });
        var hub = sf.Server.AddOrg(OrgKind.DevHub);
        var admins = Enumerable.Range(0, 9).Select(i =>
            sf.Server.AddScratchUser(sf.Server.AddOrg(OrgKind.Scratch, devHub: hub), $"scratch{i}@example.com", sf.App, TimeSpan.Zero)).ToList();
        var requests = admins.Select(a => sf.LoginRequest(a)).ToList();
        requests.Insert(4, new JwtLoginRequest
        {
            ClientId = MockFixture.ClientId, Username = "nobody@example.com", LoginUrl = sf.Server.BaseUrl,
            Audience = "https://test.salesforce.com", RetryTimeout = TimeSpan.Zero,
        });
        using var client = sf.Client();
        var results = new List<BulkLoginResult>();

        await BulkLogin.LoginManyAsync(client, requests, sf.Keys.Key, sf.KeyReference, throttleLimit: 3, result => results.Add(result));

        Assert.Equal(10, results.Count);
        Assert.Equal(Enumerable.Range(0, 10), results.Select(r => r.Index).OrderBy(i => i));
        var failed = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal("nobody@example.com", failed.Request.Username);
        Assert.Equal("UserNotApproved", Assert.IsType<SalesforceAuthException>(failed.Error).ErrorId);
        Assert.All(results.Where(r => r.Succeeded), r =>
        {
            Assert.Equal(OrgType.Scratch, r.Auth!.OrgType);
            Assert.Equal(r.Request.Username, r.Auth.Username);
        });
        Assert.Equal(admins.Select(a => a.Org.Id).OrderBy(x => x), results.Where(r => r.Succeeded).Select(r => r.Auth!.OrgId).OrderBy(x => x));

        var overlap = MaxOverlap(sf.Server.TokenRequests);
        Assert.True(overlap <= 3, $"{overlap} token requests ran at once with throttle 3");
        Assert.True(overlap >= 2, "the logins did not run concurrently at all");
        Assert.Equal(1, client.ApiVersionRequests);
    }

    [Fact]
    public async Task Follow_up_calls_overlap_the_next_exchange_while_each_stage_stays_within_its_bound()
    {
        await using var sf = await MockFixture.StartAsync(new MockOptions { LatencyMs = 150 });
        var hub = sf.Server.AddOrg(OrgKind.DevHub);
        var admins = Enumerable.Range(0, 4).Select(i =>
            sf.Server.AddScratchUser(sf.Server.AddOrg(OrgKind.Scratch, devHub: hub), $"overlap{i}@example.com", sf.App, TimeSpan.Zero)).ToList();
        using var client = sf.Client();
        var results = new List<BulkLoginResult>();

        await BulkLogin.LoginManyAsync(client, admins.Select(a => sf.LoginRequest(a)), sf.Keys.Key, sf.KeyReference, throttleLimit: 1, r => results.Add(r));

        Assert.All(results, r => Assert.Equal(OrgType.Scratch, r.Auth!.OrgType));
        var tokens = sf.Server.TokenRequests;
        var organizationQueries = sf.Server.Requests.Where(r => r.Path.EndsWith("/query") && r.Query.Contains("Organization")).ToList();
        Assert.Equal(4, organizationQueries.Count);
        Assert.Equal(1, MaxOverlap(tokens));
        // The follow-up stage has its own bound: twice the throttle.
        Assert.InRange(MaxOverlap(organizationQueries), 1, 2);
        // The next org's exchange ran while an earlier org's follow-ups were still being served.
        Assert.Contains(tokens, t => organizationQueries.Any(q => MaxOverlap(new[] { t, q }) == 2));
    }

    [Fact]
    public async Task Results_are_reported_as_each_login_completes()
    {
        await using var sf = await MockFixture.StartAsync();
        var users = Enumerable.Range(0, 4).Select(_ => sf.AddUser(OrgKind.Production)).ToList();
        // The first user's token request is slow; the others must be reported before it.
        sf.Server.Faults.Enqueue(Fault.Delay(1500, count: 1, path: "/services/oauth2/token"));
        using var client = sf.Client(o => o.FetchOrgDetails = false);
        var reported = new List<(string User, bool LoginStillRunning)>();
        var requests = users.Select(u => sf.LoginRequest(u)).ToList();

        await BulkLogin.LoginManyAsync(client, requests, sf.Keys.Key, sf.KeyReference, throttleLimit: 4, async result =>
        {
            // The mock fills in the status when it has answered: 0 means a request is still being served.
            reported.Add((result.Request.Username, sf.Server.TokenRequests.Any(r => r.StatusCode == 0)));
            await Task.Yield();
        });

        Assert.Equal(4, reported.Count);
        var delayed = sf.Server.TokenRequests.Single(r => r.Faults.Contains("Delay")).Assertion!.ClaimString("sub");
        Assert.Equal(delayed, reported.Last().User);
        // The fast ones were reported while the slow request was still being served.
        Assert.All(reported.Take(3), r => Assert.True(r.LoginStillRunning));
    }

    [Fact]
    public async Task An_invalid_login_url_in_one_request_fails_only_that_request()
    {
        await using var sf = await MockFixture.StartAsync();
        var good = sf.AddUser(OrgKind.Production);
        using var client = sf.Client();
        var requests = new[]
        {
            sf.LoginRequest(good),
            new JwtLoginRequest { ClientId = MockFixture.ClientId, Username = "x@example.com", LoginUrl = "https://acme.lightning.force.com" },
        };
        var results = new List<BulkLoginResult>();

        await BulkLogin.LoginManyAsync(client, requests, sf.Keys.Key, sf.KeyReference, 2, r => results.Add(r));

        Assert.True(results.Single(r => r.Index == 0).Succeeded);
        var bad = results.Single(r => r.Index == 1);
        Assert.Equal("LoginUrlNotLoginDomain", Assert.IsAssignableFrom<JwtAuthException>(bad.Error).ErrorId);
    }

    [Fact]
    public async Task Cancelling_a_bulk_run_throws_and_starts_no_new_logins()
    {
        await using var sf = await MockFixture.StartAsync(new MockOptions { LatencyMs = 200 });
        var users = Enumerable.Range(0, 6).Select(_ => sf.AddUser(OrgKind.Production)).ToList();
        using var client = sf.Client(o => o.FetchOrgDetails = false);
        using var cts = new CancellationTokenSource();
        var reported = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            BulkLogin.LoginManyAsync(client, users.Select(u => sf.LoginRequest(u)), sf.Keys.Key, sf.KeyReference, 1, _ =>
            {
                reported++;
                cts.Cancel();
            }, null, cts.Token));

        Assert.Equal(1, reported);
        Assert.True(sf.Server.TokenRequests.Count < users.Count);
    }

    [Fact]
    public async Task A_throttle_below_one_is_refused()
    {
        using var client = new SalesforceLoginClient();
        using var key = System.Security.Cryptography.RSA.Create(2048);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            BulkLogin.LoginManyAsync(client, Array.Empty<JwtLoginRequest>(), key, KeyReference.None(), 0, _ => { }));
    }

    /// <summary>The most requests whose [arrival, arrival + duration] intervals overlap at one moment, from the mock's log.</summary>
    private static int MaxOverlap(IEnumerable<RecordedRequest> requests)
    {
        var edges = requests
            .SelectMany(r => new[] { (At: r.Time, Delta: +1), (At: r.Time.AddMilliseconds(r.DurationMs), Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta); // an end before a start at the same instant
        int current = 0, max = 0;
        foreach (var edge in edges)
        {
            current += edge.Delta;
            max = Math.Max(max, current);
        }

        return max;
    }
}
