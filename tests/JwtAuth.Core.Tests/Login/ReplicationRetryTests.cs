using JwtAuth.Core.Login;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Login;

public class ReplicationRetryTests
{
    private static async Task<(MockFixture Sf, MockUser Admin)> NewScratchOrgAsync(TimeSpan replicatesAfter)
    {
        var sf = await MockFixture.StartAsync();
        var hub = sf.Server.AddOrg(OrgKind.DevHub);
        var scratch = sf.Server.AddOrg(OrgKind.Scratch, devHub: hub);
        var admin = sf.Server.AddScratchUser(scratch, $"test-{Guid.NewGuid():N}@example.com", sf.App, replicatesAfter);
        // Each recorded wait moves the mock's clock (which is also the client's clock): minutes pass without sleeping.
        sf.Delays.OnWait = wait => sf.Server.Clock.Advance(wait);
        return (sf, admin);
    }

    [Fact]
    public async Task A_new_scratch_user_is_retried_with_backoff_until_it_replicates()
    {
        var (sf, admin) = await NewScratchOrgAsync(TimeSpan.FromSeconds(40));
        await using var _ = sf;
        using var client = sf.Client();
        var progress = new ProgressLog();

        var auth = await sf.LoginAsync(client, sf.LoginRequest(admin), progress);

        Assert.Equal(admin.Org.Id, auth.OrgId);
        Assert.Equal(Model.OrgType.Scratch, auth.OrgType);
        // 5 + 10 + 20 = 35 s is not enough for 40 s; the fourth wait (30 s cap) is.
        Assert.Equal(new[] { 5, 10, 20, 30 }, sf.Delays.Waits.Select(w => (int)w.TotalSeconds));
        Assert.Equal(5, sf.Server.TokenRequests.Count);
        var waits = progress.Items.Where(p => p.Stage == LoginStage.WaitingForReplication).ToList();
        Assert.Equal(4, waits.Count);
        Assert.Equal(new[] { 1, 2, 3, 4 }, waits.Select(p => p.Attempt));
        Assert.All(waits, p => Assert.Equal(admin.Username, p.Username));
        Assert.All(waits, p => Assert.Contains("hasn't approved this consumer", p.Message));
        Assert.All(waits, p => SecretAssert.NoSecrets(p.Message, auth.AccessToken));
    }

    [Fact]
    public async Task Each_attempt_signs_a_fresh_assertion_so_long_waits_do_not_expire_it()
    {
        var (sf, admin) = await NewScratchOrgAsync(TimeSpan.FromMinutes(4));
        await using var _ = sf;
        using var client = sf.Client();

        await sf.LoginAsync(client, sf.LoginRequest(admin));

        var exps = sf.Server.TokenRequests.Select(r => (long)r.Assertion!.ClaimNumber("exp")!).ToList();
        Assert.True(exps.Count > 5);
        Assert.Equal(exps.OrderBy(e => e), exps);
        Assert.True(exps.Last() - exps.First() >= 200, "exp did not move with the clock");
    }

    [Fact]
    public async Task It_gives_up_after_RetryTimeout_with_a_distinct_message()
    {
        var (sf, admin) = await NewScratchOrgAsync(TimeSpan.FromHours(1));
        await using var _ = sf;
        using var client = sf.Client();

        var ex = await Assert.ThrowsAsync<SalesforceAuthException>(() =>
            sf.LoginAsync(client, sf.LoginRequest(admin, retryTimeout: TimeSpan.FromSeconds(60))));

        Assert.Equal("UserNotApproved", ex.ErrorId);
        // 5 + 10 + 20 + the 25 s left of the bound.
        Assert.Equal(new[] { 5, 10, 20, 25 }, sf.Delays.Waits.Select(w => (int)w.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(60), ex.ReplicationWait);
        Assert.Equal(5, ex.Attempts);
        Assert.Contains("still says", ex.Message);
        Assert.Contains("after waiting 60 seconds over 5 attempts", ex.Message);
        Assert.Contains("-RetryTimeoutSec", ex.Fix);
        SecretAssert.NoSecrets(ex);
    }

    [Fact]
    public async Task The_default_bound_is_five_minutes_for_the_sandbox_audience()
    {
        var (sf, admin) = await NewScratchOrgAsync(TimeSpan.FromHours(1));
        await using var _ = sf;
        using var client = sf.Client();

        var ex = await Assert.ThrowsAsync<SalesforceAuthException>(() => sf.LoginAsync(client, sf.LoginRequest(admin)));

        Assert.Equal(TimeSpan.FromMinutes(5), ex.ReplicationWait);
        Assert.Equal(TimeSpan.FromMinutes(5), sf.Delays.Waits.Aggregate(TimeSpan.Zero, (a, b) => a + b));
        Assert.All(sf.Delays.Waits, w => Assert.True(w <= TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task The_default_bound_is_zero_for_the_login_audience()
    {
        await using var sf = await MockFixture.StartAsync();
        var org = sf.Server.AddOrg(OrgKind.Production);
        var user = sf.Server.AddUser(org, "prod-not-yet@example.com");
        using var client = sf.Client();

        var ex = await Assert.ThrowsAsync<SalesforceAuthException>(() => sf.LoginAsync(client, sf.LoginRequest(user)));

        Assert.Equal("UserNotApproved", ex.ErrorId);
        Assert.DoesNotContain("still says", ex.Message);
        Assert.Empty(sf.Delays.Waits);
        Assert.Single(sf.Server.TokenRequests);
    }

    [Fact]
    public async Task An_explicit_zero_bound_turns_retries_off_for_sandboxes_too()
    {
        var (sf, admin) = await NewScratchOrgAsync(TimeSpan.FromMinutes(1));
        await using var _ = sf;
        using var client = sf.Client();

        var ex = await Assert.ThrowsAsync<SalesforceAuthException>(() => sf.LoginAsync(client, sf.LoginRequest(admin, TimeSpan.Zero)));

        Assert.Equal("UserNotApproved", ex.ErrorId);
        Assert.Empty(sf.Delays.Waits);
    }

    [Fact]
    public async Task Cancellation_stops_a_replication_wait_at_once()
    {
        var (sf, admin) = await NewScratchOrgAsync(TimeSpan.FromHours(1));
        await using var _ = sf;
        // Real waits this time, long ones: only cancellation can end the login early.
        using var client = sf.Client(o =>
        {
            o.Delay = null;
            o.ReplicationBackoff = TimeSpan.FromMinutes(10);
            o.MaxReplicationWait = TimeSpan.FromMinutes(10);
        });
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress<LoginProgress>(p =>
        {
            if (p.Stage == LoginStage.WaitingForReplication) cts.Cancel();
        });

        var login = sf.LoginAsync(client, sf.LoginRequest(admin, TimeSpan.FromHours(1)), progress, cts.Token);
        var finished = await Task.WhenAny(login, Task.Delay(TimeSpan.FromMinutes(2)));

        Assert.Same(login, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => login);
        Assert.Single(sf.Server.TokenRequests);
    }
}
