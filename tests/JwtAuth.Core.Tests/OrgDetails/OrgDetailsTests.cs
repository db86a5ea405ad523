using JwtAuth.Core.Login;
using JwtAuth.Core.Model;
using JwtAuth.Core.Tests.Login;
using MockSalesforce.Faults;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.OrgDetails;

public class OrgDetailsTests
{
    [Fact]
    public async Task A_failing_version_list_leaves_the_org_unknown_but_the_login_succeeds()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.DevHub);
        sf.Server.Faults.Enqueue(Fault.Status(500, count: null, path: "/services/data"));
        using var client = sf.Client();
        var progress = new ProgressLog();

        var auth = await sf.LoginAsync(client, sf.LoginRequest(user), progress);

        Assert.Equal(user.Org.Id, auth.OrgId);
        Assert.False(string.IsNullOrEmpty(auth.AccessToken));
        Assert.Equal(OrgType.Unknown, auth.OrgType);
        Assert.Null(auth.ApiVersion);
        var report = Assert.Single(progress.Items, p => p.Stage == LoginStage.FetchingDetails && p.Message.Contains("HTTP 500"));
        SecretAssert.NoSecrets(report.Message, auth.AccessToken);
        Assert.Equal(LoginStage.Succeeded, progress.Items.Last().Stage);
    }

    [Fact]
    public async Task A_failing_organization_query_leaves_the_type_unknown_for_a_non_hub()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.DropConnection(count: null, path: $"/services/data/v{sf.Server.Options.LatestApiVersion}.0/query"));
        using var client = sf.Client();
        var progress = new ProgressLog();

        var auth = await sf.LoginAsync(client, sf.LoginRequest(user), progress);

        Assert.Equal(OrgType.Unknown, auth.OrgType);
        Assert.Equal($"{sf.Server.Options.LatestApiVersion}.0", auth.ApiVersion);
        Assert.Null(auth.OrgName);
        Assert.Contains(progress.Items, p => p.Stage == LoginStage.FetchingDetails && p.Message.Contains("Organization row"));
        Assert.Contains(progress.Items, p => p.Stage == LoginStage.FetchingDetails && p.Message.Contains("Dev Hub"));
    }

    [Fact]
    public async Task A_timed_out_follow_up_does_not_fail_the_login()
    {
        await using var sf = await MockFixture.StartAsync();
        var user = sf.AddUser(OrgKind.Production);
        sf.Server.Faults.Enqueue(Fault.Delay(30_000, count: null, path: "/services/data*"));
        using var client = sf.Client(o => o.RequestTimeout = TimeSpan.FromMilliseconds(500));

        var auth = await sf.LoginAsync(client, sf.LoginRequest(user));

        Assert.Equal(OrgType.Unknown, auth.OrgType);
        Assert.Equal(user.Org.Id, auth.OrgId);
    }

    [Fact]
    public async Task The_version_list_is_fetched_once_per_instance_and_client()
    {
        await using var sf = await MockFixture.StartAsync();
        using var client = sf.Client();
        var users = Enumerable.Range(0, 4).Select(_ => sf.AddUser(OrgKind.Scratch)).ToList();

        foreach (var user in users)
        {
            var auth = await sf.LoginAsync(client, sf.LoginRequest(user));
            Assert.Equal(OrgType.Scratch, auth.OrgType);
            Assert.Equal($"{sf.Server.Options.LatestApiVersion}.0", auth.ApiVersion);
        }

        Assert.Single(sf.Server.Requests, r => r.Path == "/services/data");
        Assert.Equal(1, client.ApiVersionRequests);
    }

    [Fact]
    public async Task A_failed_version_fetch_is_not_cached()
    {
        await using var sf = await MockFixture.StartAsync();
        using var client = sf.Client();
        sf.Server.Faults.Enqueue(Fault.Status(503, count: 1, path: "/services/data"));

        var first = await sf.LoginAsync(client, sf.LoginRequest(sf.AddUser(OrgKind.Production)));
        var second = await sf.LoginAsync(client, sf.LoginRequest(sf.AddUser(OrgKind.Production)));

        Assert.Equal(OrgType.Unknown, first.OrgType);
        Assert.Equal(OrgType.Production, second.OrgType);
        Assert.Equal(2, sf.Server.Requests.Count(r => r.Path == "/services/data"));
    }
}
