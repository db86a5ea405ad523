using MockSalesforce;
using JwtAuth.Core.Model;
using JwtAuth.Core.ScratchOrgs;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>Ctrl+C during a run: every step stops, nothing is stored afterwards, and every org already requested is named with its id.</summary>
public class ScratchOrgInterruptionTests
{
    [Fact]
    public async Task Cancelled_while_waiting_the_run_stops_stores_nothing_and_names_every_requested_org_with_its_record()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromMinutes(5) });
        await h.ConnectHubAsync();
        using var stop = new CancellationTokenSource();
        var waits = 0;
        h.Delays.BeforeWait = (_, _) =>
        {
            if (Interlocked.Increment(ref waits) == 3) stop.Cancel();
            return Task.CompletedTask;
        };

        var run = await h.CreateAsync(new ScratchOrgRequest { Count = 3, AliasPrefix = "feature" }, stop.Token);

        Assert.True(run.Run.Stopped);
        Assert.Empty(run.Outcomes);
        var ids = h.Server.ScratchOrgs.All.Select(s => s.Id).OrderBy(i => i).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids, run.Run.Unfinished.Select(o => o.ScratchOrgInfoId!).OrderBy(i => i));
        Assert.All(run.Run.Orgs, o => Assert.Contains(o.Stage, new[] { ScratchOrgStage.Requested, ScratchOrgStage.Creating }));
        Assert.DoesNotContain(h.Persisted.ReadAll().Auths, a => a.Auth.OrgType == OrgType.Scratch);
        // Nothing runs on: no request reaches the mock after the run returned.
        var requests = h.Server.Requests.Count;
        await Task.Delay(300);
        Assert.Equal(requests, h.Server.Requests.Count);

        var messages = ScratchOrgStopReport.Messages(run.Run, new HashSet<int>(), "HubOrg");
        Assert.Equal(3, messages.Count);
        foreach (var id in ids) Assert.Single(messages, m => m.Contains(id, StringComparison.Ordinal) && m.Contains("Get-SfScratchOrg -DevHub 'HubOrg' -All", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("feature2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelled_after_some_orgs_are_done_the_report_names_only_those_not_yet_written()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        await h.ConnectHubAsync();
        h.Server.ScratchOrgs.Plan(new MockSalesforce.Scratch.ScratchOrgPlan { ProvisioningTime = TimeSpan.FromMinutes(5) });
        using var stop = new CancellationTokenSource();
        var recorded = new RecordedRun();
        recorded.Events.OnResult = o =>
        {
            recorded.Outcomes.Enqueue(o);
            if (recorded.Outcomes.Count == 2) stop.Cancel();
        };

        var plan = h.Scratch.Prepare(new ScratchOrgRequest { Count = 3 });
        var run = await h.Scratch.CreateAsync(plan, recorded.Events, stop.Token);

        Assert.True(run.Stopped);
        var written = recorded.Outcomes.Select(o => o.Ticket.Index).ToHashSet();
        var slow = Assert.Single(run.Orgs, o => !written.Contains(o.Index));
        var message = Assert.Single(ScratchOrgStopReport.Messages(run, written, "HubOrg"));
        Assert.Contains(slow.ScratchOrgInfoId!, message);
        Assert.Equal(2, h.Persisted.ReadAll().Auths.Count(a => a.Auth.OrgType == OrgType.Scratch));
    }

    [Fact]
    public async Task Cancelled_before_the_first_insert_nothing_is_requested()
    {
        await using var h = await ServiceFixture.StartAsync();
        await h.ConnectHubAsync();
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        var run = await h.CreateAsync(new ScratchOrgRequest { Count = 2 }, stop.Token);

        Assert.True(run.Run.Stopped);
        Assert.Empty(h.Server.ScratchOrgs.All);
        Assert.Equal(new[] { "2 of the 2 scratch orgs were not requested." }, ScratchOrgStopReport.Messages(run.Run, new HashSet<int>(), "HubOrg"));
    }
}
