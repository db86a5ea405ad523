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
    public async Task A_user_that_replicates_late_is_waited_for_with_the_clients_backoff_then_connected()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2), ReplicationDelay = TimeSpan.FromSeconds(12) });
        await h.ConnectHubAsync();
        h.Server.ClearRequests();

        var run = await h.CreateAsync(new ScratchOrgRequest());

        Assert.Single(run.Succeeded);
        var logins = h.Server.TokenRequests;
        Assert.Equal(3, logins.Count);
        Assert.Equal(new[] { "user hasn't approved this consumer", "user hasn't approved this consumer" },
            logins.Take(2).Select(r => r.ErrorCode == "invalid_grant" ? "user hasn't approved this consumer" : r.ErrorCode));
        // Two polls to Active, then the replication waits 5 s and 10 s (mock time is 2 + 5 + 10 >= 2 + 12).
        Assert.Equal(new[] { 1, 1, 5, 10 }, h.Delays.Waits.Select(w => (int)w.TotalSeconds));
        Assert.Contains(run.Verbose, m => m.Contains("has not replicated yet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_org_waiting_for_its_user_to_replicate_does_not_hold_the_request_slot()
    {
        // One request at a time. The slow org's replication wait (7 s, told apart from the 1 s polls) only ends once the quick
        // org is connected: if the wait held the only slot, the quick org could never log in and the run would not finish.
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) }, o => o.ReplicationBackoff = TimeSpan.FromSeconds(7));
        await h.ConnectHubAsync();
        h.Server.ScratchOrgs.Plan(new MockScratchOrgPlan { ReplicationDelay = TimeSpan.FromMinutes(1) });
        var quickConnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Delays.BeforeWait = async (wait, ct) =>
        {
            if (wait == TimeSpan.FromSeconds(7)) await quickConnected.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
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
        // The client's bound: 5 + 10 + 20 + 30 * 8 + 25 = 300 s of replication waits.
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
