using MockSalesforce;
using JwtAuth.Core.Errors;
using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Core.Service;
using MockScratchOrgPlan = MockSalesforce.Scratch.ScratchOrgPlan;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>The login to a new org: the replication wait, which holds no request slot, and its bound.</summary>
public class ScratchOrgLoginTests
{
    [Fact]
    public async Task A_user_that_replicates_late_is_tried_again_every_second_like_the_status_reads_then_connected()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2), ReplicationDelay = TimeSpan.FromSeconds(12) });
        await h.ConnectHubAsync();
        h.Server.ClearRequests();

        var run = await h.CreateAsync(new ScratchOrgRequest());

        Assert.Single(run.Succeeded);
        // Two polls to Active, then replication waits on the polls' schedule (ten of 1 s, then 1 s, 1.1 s) until mock time reaches
        // 2 + 12 s: twelve of them, or eleven
        // when the real time the run took (the mock's clock is the system clock moved on by every wait) adds up to a second.
        // The client's 5 s backoff would have waited 5 s and 10 s, connecting the org up to 5 s after its user replicated.
        var waits = h.Delays.Waits.ToArray();
        Assert.Equal(new[] { 1, 1 }, waits.Take(2).Select(w => (int)w.TotalSeconds));
        var replication = waits.Skip(2).ToArray();
        Assert.InRange(replication.Length, 11, 12);
        for (var i = 0; i < replication.Length; i++)
            Assert.Equal(ScratchOrgPolling.NextWait(replication.Take(i).Aggregate(TimeSpan.Zero, (a, b) => a + b)), replication[i]);
        Assert.All(replication.Take(10), w => Assert.Equal(TimeSpan.FromSeconds(1), w));
        var logins = h.Server.TokenRequests;
        Assert.Equal(replication.Length + 1, logins.Count);
        Assert.All(logins.Take(replication.Length), r => Assert.Equal("invalid_grant", r.ErrorCode));
        Assert.Equal(200, logins.Last().StatusCode);
        Assert.Contains(run.Verbose, m => m.Contains("has not replicated yet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_org_waiting_for_its_user_to_replicate_does_not_hold_the_request_slot()
    {
        // One request at a time. Both orgs are Active together, so once a login was refused no status read is left and every
        // wait is the slow org's replication wait: it only ends once the quick org is connected. If the wait held the only
        // slot, the quick org could never log in and the run would not finish.
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        await h.ConnectHubAsync();
        h.Server.ScratchOrgs.Plan(new MockScratchOrgPlan { ReplicationDelay = TimeSpan.FromMinutes(1) });
        h.Server.ClearRequests();
        var quickConnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var replicationWaits = 0;
        h.Delays.BeforeWait = async (_, ct) =>
        {
            if (!h.Server.TokenRequests.Any(r => r.ErrorCode == "invalid_grant")) return;
            Interlocked.Increment(ref replicationWaits);
            await quickConnected.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        };
        var recorded = new RecordedRun();
        recorded.Events.OnResult = o =>
        {
            recorded.Outcomes.Enqueue(o);
            if (o.Error is null) quickConnected.TrySetResult();
        };

        var plan = h.Scratch.Prepare(new ScratchOrgRequest { Count = 2, ThrottleLimit = 1 });
        await h.Scratch.CreateAsync(plan, recorded.Events, CancellationToken.None);

        Assert.Equal(2, recorded.Succeeded.Count);
        var slow = h.Server.ScratchOrgs.All.Single(s => s.ReplicationDelay == TimeSpan.FromMinutes(1));
        Assert.Equal(slow.SignupUsername, recorded.Outcomes.Last().Org!.Username);
        Assert.True(replicationWaits > 0, "the slow org waited for its user to replicate");
    }

    [Fact]
    public async Task A_user_that_never_replicates_is_an_error_naming_the_active_org_and_how_to_connect_it_later()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2), ReplicationDelay = TimeSpan.FromHours(1) });
        await h.ConnectHubAsync();

        var run = await h.CreateAsync(new ScratchOrgRequest());

        var error = Assert.IsType<ScratchOrgException>(Assert.Single(run.Failed).Error);
        var signup = Assert.Single(h.Server.ScratchOrgs.All);
        Assert.Equal(ScratchOrgErrorIds.ScratchOrgUserNotReplicated, error.ErrorId);
        Assert.Equal(signup.Id, error.ScratchOrgInfoId);
        Assert.Equal(signup.SignupUsername, error.Target);
        Assert.Contains("Get-SfScratchOrg", error.Fix);
        Assert.Contains("Connect-SfOrgJwt", error.Fix);
        // The client's bound: 300 s of replication waits (1 s each for ten seconds, then a tenth of the time waited, at most 10 s, the last one cut short).
        Assert.Equal(TimeSpan.FromMinutes(5), h.Delays.Waits.Skip(2).Aggregate(TimeSpan.Zero, (a, b) => a + b));
        Assert.Null(h.Persisted.Find(signup.SignupUsername!));
    }

    [Fact]
    public async Task PlatformCLI_is_refused_as_a_client_id_before_anything_is_signed_or_sent()
    {
        await using var h = await ServiceFixture.StartAsync();
        var results = new List<ConnectResult>();
        h.Server.ClearRequests();

        await h.Service.ConnectAsync(new[]
        {
            new ConnectRequest { ClientId = "PlatformCLI", Username = "test-x@example.com", LoginUrl = h.Server.BaseUrl, Key = KeySource.FromFile(h.KeyFile, null) },
        }, 1, results.Add, _ => { }, _ => { }, CancellationToken.None);

        var error = Assert.IsAssignableFrom<JwtAuthException>(Assert.Single(results).Error);
        Assert.Equal("PlatformCliNotJwt", error.ErrorId);
        Assert.Contains("sf org login web", error.Fix);
        Assert.Empty(h.Server.Requests);
    }
}
