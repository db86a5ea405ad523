using System.Text.Json;

namespace JwtAuth.Core.Tests.Mock;

public class ScratchOrgInsertValidationTests
{
    private const string Valid = """
        "Edition":"Developer","ConnectedAppConsumerKey":"3MVG9mockConsumerKey","ConnectedAppCallbackUrl":"http://localhost:1717/OauthRedirect"
        """;

    [Theory]
    [InlineData("{" + Valid + ",\"Edition\":\"partner-developer\"}", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Edition: bad value for restricted picklist field: partner-developer", "Edition")]
    [InlineData("{" + Valid + ",\"Features\":\"API;NoSuchFeature\"}", "INVALID_INPUT", "NoSuchFeature is not a valid Features value.", "Features")]
    [InlineData("{" + Valid + ",\"Features\":\"API,AuthorApex\"}", "INVALID_INPUT", "API,AuthorApex is not a valid Features value.", "Features")]
    [InlineData("{" + Valid + ",\"Status\":\"Active\"}", "INVALID_FIELD_FOR_INSERT_UPDATE",
        "Unable to create/update fields: Status. Please check the security settings of this field and verify that it is read/write for your profile or permission set.", "Status")]
    [InlineData("{\"Edition\":\"Developer\",\"ConnectedAppCallbackUrl\":\"http://localhost:1717/OauthRedirect\"}", "REQUIRED_FIELD_MISSING",
        "Required fields are missing: [ConnectedAppConsumerKey]", "ConnectedAppConsumerKey")]
    [InlineData("{\"OrgName\":\"X\",\"ConnectedAppConsumerKey\":\"k\",\"ConnectedAppCallbackUrl\":\"u\"}", "REQUIRED_FIELD_MISSING", "Required fields are missing: [Edition]", "Edition")]
    [InlineData("{" + Valid + ",\"DurationDays\":31}", "FIELD_INTEGRITY_EXCEPTION", "DurationDays must be between 1 and 30, not 31.", "DurationDays")]
    public async Task BadValuesGetTheDmlErrorWithItsFields(string body, string errorCode, string message, string field)
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await HubSession.LoginAsync(mock);

        using var response = await hub.InsertRawAsync(body);

        var error = await HubSession.SingleErrorAsync(response, 400);
        Assert.Equal(errorCode, error.GetProperty("errorCode").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(new[] { field }, error.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Empty(mock.Server.ScratchOrgs.All);
        Assert.Equal(errorCode, mock.Server.Requests.Last().ErrorCode);
    }

    [Theory]
    [InlineData("{" + Valid + ",\"HasSampleDataX\":true}", "INVALID_FIELD", "No such column 'HasSampleDataX' on sobject of type ScratchOrgInfo")]
    [InlineData("{" + Valid + ",\"DurationDays\":\"seven\"}", "JSON_PARSER_ERROR", null)]
    [InlineData("{" + Valid + ",\"Features\":[\"API\"]}", "JSON_PARSER_ERROR", null)]
    [InlineData("{" + Valid + ",\"HasSampleData\":\"maybe\"}", "JSON_PARSER_ERROR", null)]
    [InlineData("[{" + Valid + "}]", "JSON_PARSER_ERROR", null)]
    [InlineData("{\"Edition\":", "JSON_PARSER_ERROR", null)]
    [InlineData("", "JSON_PARSER_ERROR", "No content to map due to end-of-input")]
    public async Task MalformedBodiesGetARequestErrorWithoutFields(string body, string errorCode, string? message)
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await HubSession.LoginAsync(mock);

        using var response = await hub.InsertRawAsync(body);

        var error = await HubSession.SingleErrorAsync(response, 400);
        Assert.Equal(errorCode, error.GetProperty("errorCode").GetString());
        if (message is not null) Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.False(error.TryGetProperty("fields", out _));
        Assert.Empty(mock.Server.ScratchOrgs.All);
    }

    [Fact]
    public async Task FieldNamesAndPicklistValuesAreCaseInsensitiveAndUsernameIsLowerCased()
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await HubSession.LoginAsync(mock);

        string id = await hub.InsertOkAsync(new Dictionary<string, object>
        {
            ["edition"] = "developer",
            ["features"] = "api; FieldService:2",
            ["username"] = "Mixed.Case@Example.com",
            ["connectedAppConsumerKey"] = MockFixture.ClientId,
            ["connectedAppCallbackUrl"] = "http://localhost:1717/OauthRedirect",
            ["durationDays"] = "3",
            ["hasSampleData"] = true,
        });
        var info = await hub.GetInfoAsync(id);

        Assert.Equal("Developer", info.GetProperty("Edition").GetString());
        Assert.Equal("mixed.case@example.com", info.GetProperty("SignupUsername").GetString());
        Assert.Equal(3, info.GetProperty("DurationDays").GetInt32());
        Assert.True(info.GetProperty("HasSampleData").GetBoolean());
        Assert.Equal("api; FieldService:2", info.GetProperty("Features").GetString());
        Assert.Contains("\"username\":\"Mixed.Case@Example.com\"", mock.Server.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/ScratchOrgInfo")).Body);
    }

    [Fact]
    public async Task FeaturesAddedToTheOptionsAreAccepted()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Options.ScratchOrgFeatures.Add("BrandNewFeature");
        var hub = await HubSession.LoginAsync(mock);
        var body = HubSession.Definition("feature@example.com");
        body["Features"] = "BrandNewFeature";

        string id = await hub.InsertOkAsync(body);

        Assert.Equal(JsonValueKind.String, (await hub.GetInfoAsync(id)).GetProperty("Features").ValueKind);
    }
}
