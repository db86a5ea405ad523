using MockSalesforce;
using JwtAuth.Core.ScratchOrgs;
using MockSalesforce.Faults;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>How New-SfScratchOrg waits for Active: the schedule, one status query for all orgs, the bound, and a hub token that expires mid-wait.</summary>
public class ScratchOrgPollingTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void The_schedule_is_every_second_for_ten_seconds_then_a_tenth_of_the_time_waited_and_never_more_than_ten_seconds()
    {
        var waited = TimeSpan.Zero;
        var waits = new List<TimeSpan>();
        while (waited < TimeSpan.FromMinutes(15))
        {
            var wait = ScratchOrgPolling.NextWait(waited);
            waits.Add(wait);
            waited += wait;
        }

        Assert.All(waits.Take(10), w => Assert.Equal(Second, w));
        Assert.Equal(new[] { 1000, 1100, 1210, 1331, 1464 }, waits.Skip(10).Take(5).Select(w => (int)w.TotalMilliseconds));
        Assert.All(waits.Zip(waits.Skip(1)), pair => Assert.True(pair.Second >= pair.First, "the waits never shrink"));
        Assert.Equal(TimeSpan.FromSeconds(10), waits.Max());
        Assert.Equal(TimeSpan.FromSeconds(10), ScratchOrgPolling.NextWait(TimeSpan.FromMinutes(10)));
        Assert.Equal(TimeSpan.FromSeconds(5), ScratchOrgPolling.NextWait(TimeSpan.FromSeconds(50)));
    }

    [Fact]
    public async Task An_org_is_read_on_that_schedule_until_it_is_Active_one_query_per_wait()
    {
        // Active 23.5 s after the insert (mock time); the read before that comes at 21.436 s, so the test has two seconds of
        // real time to spare (the mock's clock is the system clock moved on by every wait).
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(23.5) });
        await h.ConnectHubAsync();
        h.Server.ClearRequests();

        var run = await h.CreateAsync(new ScratchOrgRequest());

        var created = Assert.Single(run.Succeeded);
        Assert.Equal(ScratchOrgStatus.Active, created.Org!.Status);
        var waits = h.Delays.Waits.ToArray();
        var expected = Enumerable.Repeat(1000, 10).Concat(new[] { 1000, 1100, 1210, 1331, 1464, 1610, 1772, 1949, 2144 }).ToArray();
        Assert.Equal(expected, waits.Select(w => (int)w.TotalMilliseconds).ToArray());
        for (var i = 0; i < waits.Length; i++)
            Assert.Equal(ScratchOrgPolling.NextWait(waits.Take(i).Aggregate(TimeSpan.Zero, (a, b) => a + b)), waits[i]);
        Assert.Equal(waits.Length, h.StatusReads().Count);
    }

    [Fact]
    public async Task Fifty_orgs_are_read_with_one_query_per_round_not_one_request_per_org()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(5) });
        await h.ConnectHubAsync();
        h.Server.ClearRequests();
        // The waits take no real time: hold the first one until all fifty are requested, so they share the rounds.
        var first = 0;
        h.Delays.BeforeWait = async (_, ct) =>
        {
            if (Interlocked.Exchange(ref first, 1) == 1) return;
            while (h.Server.ScratchOrgs.All.Count < 50) await Task.Delay(10, ct);
        };

        var run = await h.CreateAsync(new ScratchOrgRequest { Count = 50, AliasPrefix = "feature" });

        Assert.Equal(50, run.Succeeded.Count);
        Assert.Equal(50, h.Inserts().Count);
        var reads = h.StatusReads();
        Assert.Equal(h.Delays.Waits.Count, reads.Count);
        Assert.InRange(reads.Count, 4, 6);
        // The first round may come before the client has read the last inserts' answers; a later one holds all fifty.
        Assert.Equal(50, reads.Max(r => Uri.UnescapeDataString(r.Query).Split("'2SR").Length - 1));
        Assert.DoesNotContain(h.Server.Requests, r => r.Path.Contains("/sobjects/ScratchOrgInfo/", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => "feature" + i).OrderBy(a => a), run.Succeeded.Select(o => o.Org!.Alias!).OrderBy(a => a));
    }

    [Fact]
    public async Task An_org_not_Active_within_the_wait_is_a_ScratchOrgNotReady_error_naming_its_record_and_the_waits_add_up_to_the_wait()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromMinutes(10) });
        await h.ConnectHubAsync();

        var run = await h.CreateAsync(new ScratchOrgRequest { Wait = TimeSpan.FromSeconds(30) });

        var failed = Assert.Single(run.Failed);
        var error = Assert.IsType<ScratchOrgException>(failed.Error);
        Assert.Equal(ScratchOrgErrorIds.ScratchOrgNotReady, error.ErrorId);
        var id = Assert.Single(h.Server.ScratchOrgs.All).Id;
        Assert.Equal(id, error.ScratchOrgInfoId);
        Assert.Equal(id, error.Target);
        Assert.Contains(id, error.Message);
        Assert.Contains("Get-SfScratchOrg", error.Fix);
        Assert.Equal(TimeSpan.FromSeconds(30), h.Delays.Waits.Aggregate(TimeSpan.Zero, (a, b) => a + b));
        Assert.DoesNotContain(h.Persisted.ReadAll().Auths, a => a.Auth.OrgType == Model.OrgType.Scratch);
    }

    [Fact]
    public async Task A_status_read_that_fails_once_is_tried_again_at_the_next_round()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(3) });
        await h.ConnectHubAsync();
        var faulted = 0;
        h.Delays.BeforeWait = (_, _) =>
        {
            // Once the org is requested: the next status read gets a 503.
            if (Interlocked.Exchange(ref faulted, 1) == 0) h.Server.Faults.Enqueue(Fault.Status(503, count: 1, path: "/services/data/v65.0/query"));
            return Task.CompletedTask;
        };

        var run = await h.CreateAsync(new ScratchOrgRequest());

        Assert.Single(run.Succeeded);
        Assert.Contains(run.Verbose, m => m.Contains("trying again", StringComparison.Ordinal));
        Assert.Contains(h.StatusReads(), r => r.StatusCode == 503);
    }

    [Fact]
    public async Task A_hub_that_refuses_the_query_by_Id_is_read_one_record_at_a_time_as_documented()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(3) });
        await h.ConnectHubAsync();
        h.Server.ClearRequests();
        var refused = 0;
        h.Delays.BeforeWait = (_, _) =>
        {
            // Once the orgs are requested, the status query is refused as a hub that does not take "Id IN" would refuse it.
            if (Interlocked.Exchange(ref refused, 1) == 0)
                h.Server.Faults.Enqueue(Fault.Status(400, count: 1, path: "/services/data/v65.0/query",
                    body: "[{\"message\":\"unexpected token: IN\",\"errorCode\":\"MALFORMED_QUERY\"}]"));
            return Task.CompletedTask;
        };

        var run = await h.CreateAsync(new ScratchOrgRequest { Count = 3, AliasPrefix = "feature" });

        Assert.Equal(3, run.Succeeded.Count);
        Assert.Empty(run.Failed);
        Assert.Single(h.StatusReads());
        Assert.Equal(400, h.StatusReads()[0].StatusCode);
        var recordReads = h.Server.Requests.Where(r => r.Method == "GET" && r.Path.Contains("/sobjects/ScratchOrgInfo/2SR", StringComparison.Ordinal)).ToList();
        Assert.Equal(h.Server.ScratchOrgs.All.Select(o => o.Id).OrderBy(i => i), recordReads.Select(r => r.Path.Split('/').Last()).Distinct().OrderBy(i => i));
        Assert.Contains(run.Verbose, m => m.Contains("MALFORMED_QUERY", StringComparison.Ordinal) && m.Contains("reading each ScratchOrgInfo record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hub_session_that_expires_during_the_wait_is_renewed_with_the_hubs_key_and_the_wait_goes_on()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(5) });
        await h.ConnectHubAsync();
        var revoked = 0;
        h.Delays.BeforeWait = (_, _) =>
        {
            if (Interlocked.Exchange(ref revoked, 1) == 0) h.Server.Sessions.Revoke(h.HubUser);
            return Task.CompletedTask;
        };
        var tokenBefore = h.Persisted.Find("HubOrg")!.Auth.AccessToken;

        var run = await h.CreateAsync(new ScratchOrgRequest());

        Assert.Single(run.Succeeded);
        Assert.NotEqual(tokenBefore, h.Persisted.Find("HubOrg")!.Auth.AccessToken);
        Assert.Contains(run.Verbose, m => m.Contains("session expired", StringComparison.Ordinal));
    }
}
