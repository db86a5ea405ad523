using System.Net;
using System.Net.Http.Json;

namespace JwtAuth.Core.Tests.Mock;

public class ActiveScratchOrgDeleteTests
{
    [Fact]
    public async Task DeleteEndsTheOrgsLoginsAndSessionsAndLeavesADeletedInfoRecord()
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await HubSession.LoginAsync(mock);
        string infoId = await hub.InsertOkAsync(HubSession.Definition("gone@example.com"));
        string loginUrl = (await hub.GetInfoAsync(infoId)).GetProperty("LoginUrl").GetString()!;
        using var login = await ScratchOrgSignupTests.LoginAsync(mock, "gone@example.com", MockFixture.ClientId, loginUrl);
        var scratch = HubSession.WithToken(mock.Http, (await MockFixture.ReadJsonAsync(login)).GetProperty("access_token").GetString()!);
        await scratch.GetOkAsync(HubSession.Api + "/query?q=SELECT+Id+FROM+Organization");
        string activeId = (await hub.QueryAsync("SELECT Id FROM ActiveScratchOrg WHERE SignupUsername = 'gone@example.com'"))
            .GetProperty("records")[0].GetProperty("Id").GetString()!;

        using var delete = await hub.SendAsync(HttpMethod.Delete, $"{HubSession.Api}/sobjects/ActiveScratchOrg/{activeId}");
        using var sessionAfter = await scratch.SendAsync(HttpMethod.Get, HubSession.Api + "/query?q=SELECT+Id+FROM+Organization");
        using var loginAfter = await ScratchOrgSignupTests.LoginAsync(mock, "gone@example.com", MockFixture.ClientId, loginUrl);
        var info = await hub.GetInfoAsync(infoId);
        var rows = await hub.QueryAsync("SELECT Id FROM ActiveScratchOrg WHERE SignupUsername = 'gone@example.com'");
        using var again = await hub.SendAsync(HttpMethod.Delete, $"{HubSession.Api}/sobjects/ActiveScratchOrg/{activeId}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty(await delete.Content.ReadAsByteArrayAsync());
        Assert.Equal("INVALID_SESSION_ID", (await HubSession.SingleErrorAsync(sessionAfter, 401)).GetProperty("errorCode").GetString());
        await TokenEndpointTests.AssertOAuthErrorAsync(loginAfter, "invalid_grant", "user hasn't approved this consumer");
        Assert.Equal("Deleted", info.GetProperty("Status").GetString());
        Assert.Equal(mock.HubUser.Id[..15], info.GetProperty("DeletedBy").GetString());
        Assert.Equal(loginUrl, info.GetProperty("LoginUrl").GetString()); // the record stays as an audit log
        Assert.Equal(0, rows.GetProperty("totalSize").GetInt32());
        Assert.Equal("ENTITY_IS_DELETED", (await HubSession.SingleErrorAsync(again, 404)).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task AnOrgPastItsDurationHasNoActiveRowAndItsAdminCannotLogIn()
    {
        await using var mock = await MockFixture.StartAsync(new MockSalesforce.MockOptions { SessionLifetime = TimeSpan.FromDays(3) });
        var hub = await HubSession.LoginAsync(mock);
        string infoId = await hub.InsertOkAsync(HubSession.Definition("oneday@example.com", durationDays: 1));
        string loginUrl = (await hub.GetInfoAsync(infoId)).GetProperty("LoginUrl").GetString()!;

        var rowsBefore = await hub.QueryAsync("SELECT Id FROM ActiveScratchOrg");
        mock.Server.Clock.Advance(TimeSpan.FromHours(25));
        var rowsAfter = await hub.QueryAsync("SELECT Id FROM ActiveScratchOrg");
        var info = await hub.GetInfoAsync(infoId);
        using var login = await ScratchOrgSignupTests.LoginAsync(mock, "oneday@example.com", MockFixture.ClientId, loginUrl);

        Assert.Equal(1, rowsBefore.GetProperty("totalSize").GetInt32());
        Assert.Equal(0, rowsAfter.GetProperty("totalSize").GetInt32());
        Assert.Equal("Deleted", info.GetProperty("Status").GetString());
        await TokenEndpointTests.AssertOAuthErrorAsync(login, "invalid_grant", "user hasn't approved this consumer");
    }

    [Fact]
    public async Task TheControlApiExpiresAnOrgAtOnce()
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await HubSession.LoginAsync(mock);
        string infoId = await hub.InsertOkAsync(HubSession.Definition("expire@example.com"));

        using var patch = await mock.Http.PatchAsJsonAsync($"/__mock/scratch-orgs/{infoId}", new { expiresInSeconds = -1 });
        var rows = await hub.QueryAsync("SELECT Id FROM ActiveScratchOrg");

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("Deleted", (await MockFixture.ReadJsonAsync(patch)).GetProperty("status").GetString());
        Assert.Equal(0, rows.GetProperty("totalSize").GetInt32());
        Assert.Equal(MockSalesforce.Scratch.ScratchOrgStatus.Deleted, mock.Server.ScratchOrgs.Find(infoId)!.Status);
    }

    [Theory]
    [InlineData("2AS7Q0000000001AAA")]
    [InlineData("not-an-id")]
    public async Task DeletingAnUnknownRowIsNotFound(string id)
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await HubSession.LoginAsync(mock);

        using var response = await hub.SendAsync(HttpMethod.Delete, $"{HubSession.Api}/sobjects/ActiveScratchOrg/{id}");

        Assert.Equal("NOT_FOUND", (await HubSession.SingleErrorAsync(response, 404)).GetProperty("errorCode").GetString());
    }
}
