using System.Text.Json;
using MockSalesforce.Scratch;

namespace JwtAuth.Core.Tests.Mock;

public class ScratchOrgQueryTests
{
    private const string ActiveOrgsQuery = "SELECT Id, SignupUsername, LoginUrl, ScratchOrg, ExpirationDate, Status, CreatedBy.Username, " +
        "ConnectedAppConsumerKey FROM ScratchOrgInfo WHERE Status = 'Active'";

    [Fact]
    public async Task TheFindFromAnyMachineQueryListsActiveOrgsWithTheirCreator()
    {
        await using var mock = await MockFixture.StartAsync(new MockSalesforce.MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromMinutes(1) });
        mock.Server.ScratchOrgs.Plan(new ScratchOrgPlan { Username = "failed@example.com", ErrorCode = "C-1016" });
        var hub = await HubSession.LoginAsync(mock);
        string active = await hub.InsertOkAsync(HubSession.Definition("listed@example.com"));
        await hub.InsertOkAsync(HubSession.Definition("failed@example.com"));
        mock.Server.Clock.Advance(TimeSpan.FromMinutes(2));
        await hub.InsertOkAsync(HubSession.Definition("still-new@example.com"));

        var result = await hub.QueryAsync(ActiveOrgsQuery);

        Assert.Equal(1, result.GetProperty("totalSize").GetInt32());
        Assert.True(result.GetProperty("done").GetBoolean());
        var record = result.GetProperty("records")[0];
        Assert.Equal(new[] { "attributes", "Id", "SignupUsername", "LoginUrl", "ScratchOrg", "ExpirationDate", "Status", "CreatedBy", "ConnectedAppConsumerKey" },
            record.EnumerateObject().Select(p => p.Name));
        Assert.Equal(active, record.GetProperty("Id").GetString());
        Assert.Equal($"/services/data/v65.0/sobjects/ScratchOrgInfo/{active}", record.GetProperty("attributes").GetProperty("url").GetString());
        Assert.Equal("listed@example.com", record.GetProperty("SignupUsername").GetString());
        var createdBy = record.GetProperty("CreatedBy");
        Assert.Equal("User", createdBy.GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal($"/services/data/v65.0/sobjects/User/{mock.HubUser.Id}", createdBy.GetProperty("attributes").GetProperty("url").GetString());
        Assert.Equal(mock.HubUser.Username, createdBy.GetProperty("Username").GetString());
        Assert.Equal(new[] { "attributes", "Username" }, createdBy.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task ById15Or18AndTheDevHubCheckWork()
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await HubSession.LoginAsync(mock);
        var emptyHubCheck = await hub.QueryAsync("SELECT Id FROM ScratchOrgInfo limit 1");
        string first = await hub.InsertOkAsync(HubSession.Definition("q1@example.com"));
        await hub.InsertOkAsync(HubSession.Definition("q2@example.com"));

        var by18 = await hub.QueryAsync($"SELECT Id, Status FROM ScratchOrgInfo WHERE Id = '{first}'");
        var by15 = await hub.QueryAsync($"SELECT Id FROM ScratchOrgInfo WHERE Id = '{first[..15]}'");
        var hubCheck = await hub.QueryAsync("SELECT Id FROM ScratchOrgInfo limit 1");

        Assert.Equal(0, emptyHubCheck.GetProperty("totalSize").GetInt32());
        Assert.Equal(first, Assert.Single(by18.GetProperty("records").EnumerateArray()).GetProperty("Id").GetString());
        Assert.Equal(first, Assert.Single(by15.GetProperty("records").EnumerateArray()).GetProperty("Id").GetString());
        Assert.Equal(1, hubCheck.GetProperty("totalSize").GetInt32());
    }

    [Fact]
    public async Task ActiveScratchOrgRowsHaveTheDocumentedFieldsAndNoLoginUrl()
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await HubSession.LoginAsync(mock);
        string infoId = await hub.InsertOkAsync(HubSession.Definition("o'brien@example.com"));

        var rows = await hub.QueryAsync("SELECT Id, SignupUsername, SignupInstance, ScratchOrg, ScratchOrgInfoId, ExpirationDate, Edition, OrgName " +
            "FROM ActiveScratchOrg WHERE SignupUsername = 'o\\'brien@example.com'");
        using var loginUrl = await hub.SendAsync(HttpMethod.Get, $"{HubSession.Api}/query?q=" + Uri.EscapeDataString("SELECT LoginUrl FROM ActiveScratchOrg"));

        var row = Assert.Single(rows.GetProperty("records").EnumerateArray());
        Assert.StartsWith("2AS", row.GetProperty("Id").GetString());
        Assert.Equal(infoId, row.GetProperty("ScratchOrgInfoId").GetString());
        Assert.Equal(mock.Server.ScratchOrgs.Find(infoId)!.Org!.Id[..15], row.GetProperty("ScratchOrg").GetString());
        Assert.Equal("Developer", row.GetProperty("Edition").GetString());
        Assert.Equal("Company", row.GetProperty("OrgName").GetString());
        Assert.Equal(JsonValueKind.String, row.GetProperty("ExpirationDate").ValueKind);
        Assert.Equal("INVALID_FIELD", (await HubSession.SingleErrorAsync(loginUrl, 400)).GetProperty("errorCode").GetString());
        var retrieved = await hub.GetOkAsync($"{HubSession.Api}/sobjects/ActiveScratchOrg/{row.GetProperty("Id").GetString()}");
        Assert.Equal("o'brien@example.com", retrieved.GetProperty("SignupUsername").GetString());
    }

    [Theory]
    [InlineData("SELECT Id FROM ScratchOrgInfo WHERE Status IN ('Active', 'Error')", 2)]
    [InlineData("SELECT Id FROM ScratchOrgInfo WHERE Status != 'Active'", 1)]
    [InlineData("SELECT Id FROM ScratchOrgInfo WHERE Status <> 'Error' AND SignupUsername = 'IN1@EXAMPLE.COM'", 1)]
    [InlineData("SELECT Id FROM ScratchOrgInfo WHERE CreatedBy.Username = 'hub@example.com' ORDER BY CreatedDate DESC LIMIT 1", 1)]
    [InlineData("SELECT Id FROM ScratchOrgInfo WHERE ErrorCode = null", 1)]
    [InlineData("SELECT Id FROM ScratchOrgInfo LIMIT 5 OFFSET 1", 1)]
    public async Task ConditionsTheMockUnderstands(string soql, int expected)
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.ScratchOrgs.Plan(new ScratchOrgPlan { Username = "in2@example.com", ErrorCode = "C-9999" });
        var hub = await HubSession.LoginAsync(mock);
        await hub.InsertOkAsync(HubSession.Definition("in1@example.com"));
        await hub.InsertOkAsync(HubSession.Definition("in2@example.com"));

        var result = await hub.QueryAsync(soql);

        Assert.Equal(expected, result.GetProperty("totalSize").GetInt32());
    }

    [Theory]
    [InlineData("SELECT Id FROM ScratchOrgInfo WHERE Status = 'Active' OR Status = 'Error'", "MALFORMED_QUERY")]
    [InlineData("SELECT Id FROM ScratchOrgInfo WHERE ExpirationDate > TODAY", "MALFORMED_QUERY")]
    [InlineData("SELECT Bogus FROM ScratchOrgInfo", "INVALID_FIELD")]
    [InlineData("SELECT Id FROM ScratchOrgInfo WHERE CreatedBy.Bogus = 'x'", "INVALID_FIELD")]
    [InlineData("SELECT Id FROM ActiveScratchOrg WHERE LoginUrl = 'x'", "INVALID_FIELD")]
    public async Task WhatTheMockDoesNotUnderstandIsRefusedNotGuessed(string soql, string errorCode)
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await HubSession.LoginAsync(mock);

        using var response = await hub.SendAsync(HttpMethod.Get, $"{HubSession.Api}/query?q={Uri.EscapeDataString(soql)}");

        Assert.Equal(errorCode, (await HubSession.SingleErrorAsync(response, 400)).GetProperty("errorCode").GetString());
    }
}
