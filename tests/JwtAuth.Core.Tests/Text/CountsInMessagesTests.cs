using JwtAuth.Core.Service;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;
using JwtAuth.Core.Tests.Keys;
using JwtAuth.Core.Tests.Service;
using MockSalesforce.Faults;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Text;

/// <summary>Messages that print a count with a unit say "1 second", "1 attempt": each produced the way a user meets it.</summary>
public class CountsInMessagesTests
{
    private const string TokenPath = "/services/oauth2/token";

    [Fact]
    public void The_store_lock_timeout_of_one_second()
    {
        var error = StoreException.LockTimeout("/tmp/store/.lock", TimeSpan.FromSeconds(1));
        Assert.Contains("for more than 1 second.", error.Problem);
    }

    [Fact]
    public void A_salesforce_cli_file_locked_for_one_second()
    {
        using var folder = new TempFolder();
        var file = folder.File("alias.json");
        Directory.CreateDirectory(SfCliFileLock.LockPathOf(file));

        var error = Assert.Throws<SfCliException>(() => SfCliFileLock.Acquire(file, new SfCliLockOptions { Timeout = TimeSpan.FromSeconds(1), StaleAfter = TimeSpan.FromSeconds(1) + TimeSpan.FromMinutes(1) }));

        Assert.Contains("exists) for 1 second.", error.Problem);
        Assert.Contains("by itself 61 seconds after its last change", error.Fix);
    }

    [Fact]
    public async Task A_replication_wait_of_one_second()
    {
        await using var h = await ServiceHarness.StartAsync();
        var request = h.Request(h.AddUser(OrgKind.Scratch, replicatesAfter: TimeSpan.FromHours(1)));
        request.RetryTimeout = TimeSpan.FromSeconds(1);

        var result = Assert.Single(await h.ConnectAsync(request));

        Assert.Contains(h.Verbose, m => m.EndsWith("Waiting 1 second (waited 0 of 1 second so far).", StringComparison.Ordinal));
        Assert.Contains("after waiting 1 second over 2 attempts", result.Error!.Message);
    }

    [Fact]
    public async Task A_transport_retry_after_one_second()
    {
        await using var h = await ServiceHarness.StartAsync();
        h.Server.Faults.Enqueue(Fault.TooManyRequests(retryAfterSeconds: 1, path: TokenPath));

        var result = Assert.Single(await h.ConnectAsync(h.Request(h.AddUser(OrgKind.Production))));

        Assert.Null(result.Error);
        Assert.Contains(h.Verbose, m => m.EndsWith(" in 1 second.", StringComparison.Ordinal) && m.Contains("Retry 1 of", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_timeout_of_one_second()
    {
        await using var h = await ServiceHarness.StartAsync();
        h.Server.Faults.Enqueue(Fault.Delay(30_000, count: null, path: TokenPath));
        var service = new OrgAuthService(h.Client, h.Persisted, h.Process, () => new SfCliPaths(h.SfCliHome), TimeSpan.FromSeconds(1));
        var results = new List<ConnectResult>();

        await service.ConnectAsync(new[] { h.Request(h.AddUser(OrgKind.Production)) }, 1, results.Add, _ => { }, _ => { }, CancellationToken.None);

        Assert.Contains("did not answer within 1 second.", Assert.Single(results).Error!.Message);
    }
}
