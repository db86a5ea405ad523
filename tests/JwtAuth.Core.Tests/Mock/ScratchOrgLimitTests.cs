using System.Net;
using System.Text.Json;
using MockSalesforce;

namespace JwtAuth.Core.Tests.Mock;

public class ScratchOrgLimitTests
{
    [Fact]
    public async Task RemainingGoesDownWithInsertsAndActiveComesBackWhenAnOrgIsDeleted()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.HubOrg.ActiveScratchOrgLimit = 3;
        mock.HubOrg.DailyScratchOrgLimit = 5;
        var hub = await HubSession.LoginAsync(mock);

        var before = await hub.LimitsAsync();
        string first = await hub.InsertOkAsync(HubSession.Definition("l1@example.com"));
        await hub.InsertOkAsync(HubSession.Definition("l2@example.com"));
        var afterInserts = await hub.LimitsAsync();
        await DeleteActiveAsync(hub, first);
        var afterDelete = await hub.LimitsAsync();

        AssertLimit(before, "ActiveScratchOrgs", 3, 3);
        AssertLimit(before, "DailyScratchOrgs", 5, 5);
        AssertLimit(afterInserts, "ActiveScratchOrgs", 3, 1);
        AssertLimit(afterInserts, "DailyScratchOrgs", 5, 3);
        AssertLimit(afterDelete, "ActiveScratchOrgs", 3, 2);
        AssertLimit(afterDelete, "DailyScratchOrgs", 5, 3);
        Assert.True(before.TryGetProperty("DailyApiRequests", out _));
        var names = before.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task InsertBeyondTheActiveLimitIsLimitExceeded()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { ActiveScratchOrgLimit = 2 });
        var hub = await HubSession.LoginAsync(mock);
        await hub.InsertOkAsync(HubSession.Definition("a1@example.com"));
        await hub.InsertOkAsync(HubSession.Definition("a2@example.com"));

        using var third = await hub.InsertAsync(HubSession.Definition("a3@example.com"));

        var error = await HubSession.SingleErrorAsync(third, 400);
        Assert.Equal("LIMIT_EXCEEDED", error.GetProperty("errorCode").GetString());
        Assert.Equal("The signup request failed because this organization has reached its active scratch org limit", error.GetProperty("message").GetString());
        Assert.Equal(2, mock.Server.ScratchOrgs.All.Count);
        Assert.Null(mock.Server.Directory.FindUser("a3@example.com"));
    }

    [Fact]
    public async Task TheDailyLimitCountsFailedAndDeletedSignupsForARollingDay()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { DailyScratchOrgLimit = 2, SessionLifetime = TimeSpan.FromDays(2) });
        mock.Server.ScratchOrgs.Plan(new MockSalesforce.Scratch.ScratchOrgPlan { ErrorCode = "C-9999" });
        var hub = await HubSession.LoginAsync(mock);
        await hub.InsertOkAsync(HubSession.Definition("d1@example.com"));
        await DeleteActiveAsync(hub, await hub.InsertOkAsync(HubSession.Definition("d2@example.com")));

        using var refused = await hub.InsertAsync(HubSession.Definition("d3@example.com"));
        mock.Server.Clock.Advance(TimeSpan.FromHours(24.5));
        using var nextDay = await hub.InsertAsync(HubSession.Definition("d4@example.com"));

        var error = await HubSession.SingleErrorAsync(refused, 400);
        Assert.Equal("LIMIT_EXCEEDED", error.GetProperty("errorCode").GetString());
        Assert.Equal("The signup request failed because this organization has reached its daily scratch org signup limit", error.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Created, nextDay.StatusCode);
    }

    [Fact]
    public async Task ConcurrentInsertsAdmitExactlyTheActiveLimit()
    {
        await using var mock = await MockFixture.StartAsync(new MockOptions { ActiveScratchOrgLimit = 20, LatencyMs = 20 });
        var hub = await HubSession.LoginAsync(mock);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var response = await hub.InsertAsync(HubSession.Definition($"parallel{i}@example.com"));
            return response.StatusCode;
        }));

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.BadRequest));
        Assert.Equal(20, mock.Server.ScratchOrgs.All.Select(s => s.Id).Distinct().Count());
        Assert.Equal(20, mock.Server.Directory.Users.Count(u => u.Username.StartsWith("parallel", StringComparison.Ordinal)));
        AssertLimit(await hub.LimitsAsync(), "ActiveScratchOrgs", 20, 0);
    }

    [Fact]
    public async Task OrgsThatAreNotDevHubsHaveNoScratchOrgLimits()
    {
        await using var mock = await MockFixture.StartAsync();
        using var tokenResponse = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, mock.SandboxUser.Username, MockSalesforce.Model.Audiences.Sandbox));
        var sandbox = HubSession.WithToken(mock.Http, (await MockFixture.ReadJsonAsync(tokenResponse)).GetProperty("access_token").GetString()!);

        var limits = await sandbox.LimitsAsync();

        Assert.True(limits.TryGetProperty("DailyApiRequests", out _));
        Assert.False(limits.TryGetProperty("ActiveScratchOrgs", out _));
        Assert.False(limits.TryGetProperty("DailyScratchOrgs", out _));
    }

    internal static async Task DeleteActiveAsync(HubSession hub, string scratchOrgInfoId)
    {
        var rows = await hub.QueryAsync($"SELECT Id FROM ActiveScratchOrg WHERE ScratchOrgInfoId = '{scratchOrgInfoId}'");
        string activeId = rows.GetProperty("records")[0].GetProperty("Id").GetString()!;
        using var response = await hub.SendAsync(HttpMethod.Delete, $"{HubSession.Api}/sobjects/ActiveScratchOrg/{activeId}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static void AssertLimit(JsonElement limits, string name, int max, int remaining)
    {
        var limit = limits.GetProperty(name);
        Assert.Equal((name, max, remaining), (name, limit.GetProperty("Max").GetInt32(), limit.GetProperty("Remaining").GetInt32()));
    }
}
