using System.Net;
using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Core.Tests.Mock;
using MockSalesforce;
using MockSalesforce.Metadata;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>What the reader and the package builder produce, sent over real HTTP to the mock Dev Hub and Metadata API.</summary>
public class DefinitionAgainstMockTests
{
    private const string DeployPath = HubSession.Api + "/metadata/deployRequest";

    [Fact]
    public async Task A_definition_files_insert_is_accepted_and_the_record_holds_what_it_asked_for()
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await HubSession.LoginAsync(mock);
        var definition = ScratchOrgDefinitionReader.Parse("""
            {"orgName":"Acme","edition":"enterprise","features":["API","AuthorApex"],"username":"Feature.One@Example.com",
             "hasSampleData":true,"description":"made by the reader","settings":{"securitySettings":{"enableAdminLoginAsAnyUser":true}}}
            """, null, new ScratchOrgDefinitionOptions(MockFixture.ClientId, durationDays: 3));

        using var response = await hub.InsertRawAsync(definition.CreateInsertBody().ToString(Newtonsoft.Json.Formatting.None));
        var answer = await MockFixture.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var info = await hub.GetInfoAsync(answer.GetProperty("id").GetString()!);

        Assert.Equal("Enterprise", info.GetProperty("Edition").GetString());
        Assert.Equal("Acme", info.GetProperty("OrgName").GetString());
        Assert.Equal("API;AuthorApex", info.GetProperty("Features").GetString());
        Assert.Equal(definition.Username, info.GetProperty("SignupUsername").GetString());
        Assert.Equal("feature.one@example.com", definition.Username);
        Assert.Equal(3, info.GetProperty("DurationDays").GetInt32());
        Assert.Equal(MockFixture.ClientId, info.GetProperty("ConnectedAppConsumerKey").GetString());
        Assert.True(info.GetProperty("HasSampleData").GetBoolean());
        Assert.Equal("made by the reader", info.GetProperty("Description").GetString());
        var sent = mock.Server.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/sobjects/ScratchOrgInfo")).Body;
        Assert.DoesNotContain("ettings", sent);
        Assert.Contains("\"ConnectedAppCallbackUrl\":\"http://localhost:1717/OauthRedirect\"", sent);
    }

    [Fact]
    public async Task An_edition_option_in_the_clis_spelling_is_accepted_as_salesforce_names_it()
    {
        await using var mock = await MockFixture.StartAsync();
        var hub = await HubSession.LoginAsync(mock);
        var definition = ScratchOrgDefinitionReader.FromEdition("partner-developer", new ScratchOrgDefinitionOptions(MockFixture.ClientId));

        using var response = await hub.InsertRawAsync(definition.CreateInsertBody().ToString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(mock.Server.ScratchOrgs.All);
    }

    [Fact]
    public async Task The_settings_package_deploys_every_component_it_names()
    {
        await using var mock = await MockFixture.StartAsync();
        var session = await HubSession.LoginAsync(mock);
        var definition = Definitions.Parse("""
            {"edition":"Developer",
             "settings":{"lightningExperienceSettings":{"enableS1DesktopEnabled":true},"securitySettings":{"sessionSettings":{"sessionTimeout":"TwelveHours"}}},
             "objectSettings":{"opportunity":{"sharingModel":"private","defaultRecordType":"default"},"account":{"sharingModel":"read"}}}
            """);
        byte[] zip = SettingsPackage.Build(definition.Settings, "65.0").ToArray();

        var result = await DeployAsync(session, zip);

        Assert.Equal("Succeeded", result.GetProperty("status").GetString());
        var deployed = result.GetProperty("details").GetProperty("componentSuccesses").EnumerateArray()
            .Select(m => (m.GetProperty("componentType").GetString()!, m.GetProperty("fullName").GetString()!, m.GetProperty("fileName").GetString()!))
            .ToArray();
        Assert.Equal(new[]
        {
            ("", "package.xml", "package.xml"),
            ("Settings", "LightningExperience", "settings/LightningExperience.settings"),
            ("Settings", "Security", "settings/Security.settings"),
            ("CustomObject", "Opportunity", "objects/Opportunity.object"),
            ("CustomObject", "Account", "objects/Account.object"),
            ("RecordType", "Opportunity.Default", "package.xml"),
            ("BusinessProcess", "Opportunity.DefaultProcess", "package.xml"),
        }, deployed);
        Assert.Equal(zip, mock.Server.Deploys.All.Single().Zip);
    }

    [Fact]
    public async Task A_failing_settings_component_is_reported_under_the_name_the_package_gave_it()
    {
        await using var mock = await MockFixture.StartAsync();
        mock.Server.Deploys.Fail(new DeployFailure("settings/Security.settings", "Security: not allowed in a scratch org"));
        var session = await HubSession.LoginAsync(mock);
        var settings = ScratchOrgSettings.From(Definitions.Json("""{"securitySettings":{"enableAdminLoginAsAnyUser":true}}"""), null);

        var result = await DeployAsync(session, SettingsPackage.Build(settings, "65.0").ToArray());

        Assert.Equal("Failed", result.GetProperty("status").GetString());
        var failure = Assert.Single(result.GetProperty("details").GetProperty("componentFailures").EnumerateArray());
        Assert.Equal("Security", failure.GetProperty("fullName").GetString());
        Assert.Equal("Security: not allowed in a scratch org", failure.GetProperty("problem").GetString());
    }

    private static async Task<System.Text.Json.JsonElement> DeployAsync(HubSession session, byte[] zip)
    {
        using var post = await session.SendAsync(HttpMethod.Post, DeployPath, DeployZip.Request(zip));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        string id = (await MockFixture.ReadJsonAsync(post)).GetProperty("id").GetString()!;
        return (await session.GetOkAsync($"{DeployPath}/{id}?includeDetails=true")).GetProperty("deployResult");
    }
}
