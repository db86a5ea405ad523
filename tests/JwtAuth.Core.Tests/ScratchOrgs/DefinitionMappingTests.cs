using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Core.Tests.Keys;
using Newtonsoft.Json.Linq;
using static JwtAuth.Core.Tests.ScratchOrgs.Definitions;

namespace JwtAuth.Core.Tests.ScratchOrgs;

public sealed class DefinitionMappingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_full_definition_file_becomes_the_insert_the_cli_sends()
    {
        var path = _folder.File("project-scratch-def.json");
        File.WriteAllText(path, """
            {
              "$schema": "https://raw.githubusercontent.com/forcedotcom/schemas/main/project-scratch-def.schema.json",
              "orgName": "Acme Dev",
              "edition": "Developer",
              "features": ["EnableSetPasswordInApi", "Communities"],
              "username": "Dev1@Example.COM.scratch",
              "adminEmail": "Admin@Example.com",
              "description": "2024-06-01 build",
              "hasSampleData": true,
              "language": "en_US",
              "country": "US",
              "release": "preview",
              "namespace": "acme",
              "sourceOrg": "00D000000000001",
              "settings": { "lightningExperienceSettings": { "enableS1DesktopEnabled": true } },
              "objectSettings": { "opportunity": { "sharingModel": "private", "defaultRecordType": "default" } }
            }
            """);

        var definition = ScratchOrgDefinitionReader.ReadFile(path, Options(durationDays: 3));

        AssertJson($$"""
            {
              "OrgName": "Acme Dev", "Edition": "Developer", "Features": "EnableSetPasswordInApi;Communities",
              "Username": "dev1@example.com.scratch", "AdminEmail": "Admin@Example.com", "Description": "2024-06-01 build",
              "HasSampleData": true, "Language": "en_US", "Country": "US", "Release": "preview", "Namespace": "acme",
              "SourceOrg": "00D000000000001", "DurationDays": 3, "ConnectedAppConsumerKey": "{{HubClientId}}",
              "ConnectedAppCallbackUrl": "http://localhost:1717/OauthRedirect"
            }
            """, definition.CreateInsertBody());
        Assert.Equal("dev1@example.com.scratch", definition.Username);
        Assert.Equal(path, definition.DefinitionFile);
        Assert.Empty(definition.Warnings);
        Assert.Equal(new[] { "lightningExperienceSettings" }, definition.Settings.SettingsNames);
        Assert.Equal(new[] { "opportunity" }, definition.Settings.ObjectNames);
        AssertJson("""{"lightningExperienceSettings":{"enableS1DesktopEnabled":true}}""", definition.Settings.CopySettings());
        AssertJson("""{"opportunity":{"sharingModel":"private","defaultRecordType":"default"}}""", definition.Settings.CopyObjectSettings());
    }

    [Fact]
    public void Keys_keep_the_files_order_and_the_added_fields_come_last()
    {
        var body = Body("""{"features":"API","edition":"Enterprise","orgName":"X"}""");

        Assert.Equal(new[] { "Features", "Edition", "OrgName", "DurationDays", "ConnectedAppConsumerKey", "ConnectedAppCallbackUrl" },
            body.Properties().Select(p => p.Name));
    }

    [Fact]
    public void An_edition_alone_gives_the_minimal_insert_with_developer_by_default()
    {
        var developer = ScratchOrgDefinitionReader.FromEdition(null, Options());
        var enterprise = ScratchOrgDefinitionReader.FromEdition("Enterprise", new ScratchOrgDefinitionOptions("another-app", 30));

        AssertJson($$"""
            {"Edition":"Developer","OrgName":"Company","DurationDays":7,"ConnectedAppConsumerKey":"{{HubClientId}}",
             "ConnectedAppCallbackUrl":"http://localhost:1717/OauthRedirect"}
            """, developer.CreateInsertBody());
        AssertJson("""
            {"Edition":"Enterprise","OrgName":"Company","DurationDays":30,"ConnectedAppConsumerKey":"another-app",
             "ConnectedAppCallbackUrl":"http://localhost:1717/OauthRedirect"}
            """, enterprise.CreateInsertBody());
        Assert.True(developer.Settings.IsEmpty);
        Assert.Null(developer.Username);
        Assert.Null(developer.DefinitionFile);
    }

    [Theory]
    [InlineData("partner-developer", "partner developer")]
    [InlineData("Partner-Enterprise", "Partner Enterprise")]
    [InlineData(" professional ", "professional")]
    public void The_clis_hyphenated_partner_editions_are_sent_as_salesforce_names_them(string given, string sent)
    {
        var body = ScratchOrgDefinitionReader.FromEdition(given, Options()).CreateInsertBody();

        Assert.Equal(sent, (string?)body["Edition"]);
    }

    [Theory]
    [InlineData("\"API;AuthorApex\"")]
    [InlineData("\"API,AuthorApex\"")]
    [InlineData("\" API ; ;AuthorApex, \"")]
    [InlineData("[\"API\", \"AuthorApex\"]")]
    [InlineData("[\" API\", \"\", \"AuthorApex \"]")]
    public void Features_as_a_string_or_an_array_are_sent_separated_by_semicolons(string features)
    {
        var body = Body($$"""{"edition":"Developer","features":{{features}}}""");

        Assert.Equal("API;AuthorApex", (string?)body["Features"]);
    }

    [Fact]
    public void Feature_quantities_pass_as_written()
    {
        Assert.Equal("FieldService:2;MultiCurrency", (string?)Body("""{"edition":"Developer","features":["FieldService:2","MultiCurrency"]}""")["Features"]);
    }

    [Fact]
    public void Retired_features_are_dropped_or_replaced_with_a_warning_each()
    {
        var definition = Parse("""{"edition":"Developer","features":"API;editInSubtab;SalesWave;PopOutUtilities;ServiceWave"}""");

        Assert.Equal("API;DEVELOPMENTWAVE;DEVELOPMENTWAVE", (string?)definition.CreateInsertBody()["Features"]);
        Assert.Equal(4, definition.Warnings.Count);
        Assert.Contains("editInSubtab", definition.Warnings[0]);
        Assert.Contains("left out", definition.Warnings[0]);
        Assert.Contains("SalesWave", definition.Warnings[1]);
        Assert.Contains("DEVELOPMENTWAVE", definition.Warnings[1]);
        Assert.Contains("PopOutUtilities", definition.Warnings[2]);
        Assert.Contains("ServiceWave", definition.Warnings[3]);
    }

    [Theory]
    [InlineData("\"features\":\"EditInSubtab\",")]
    [InlineData("\"features\":[],")]
    [InlineData("\"features\":\" ; \",")]
    [InlineData("\"features\":null,")]
    [InlineData("")]
    public void No_features_left_means_no_features_field(string features)
    {
        Assert.Null(Body($$"""{{{features}}"edition":"Developer"}""").Property("Features"));
    }

    [Theory]
    [InlineData("", "Company")]
    [InlineData("\"orgName\":null,", "Company")]
    [InlineData("\"orgName\":\"Acme\",", "Acme")]
    [InlineData("\"orgName\":\"\",", "")]
    public void OrgName_defaults_to_company_only_when_absent_or_null(string orgName, string sent)
    {
        var body = Body($$"""{{{orgName}}"edition":"Developer"}""");

        Assert.Equal(sent, (string?)body["OrgName"]);
        Assert.Single(body.Properties(), p => p.Name == "OrgName");
    }

    [Fact]
    public void The_username_is_lower_cased_in_the_insert_and_on_the_definition()
    {
        var definition = Parse("""{"edition":"Developer","username":"Mixed.Case@Example.COM"}""");

        Assert.Equal("mixed.case@example.com", (string?)definition.CreateInsertBody()["Username"]);
        Assert.Equal("mixed.case@example.com", definition.Username);
    }

    [Fact]
    public void Without_a_username_salesforce_picks_one()
    {
        var definition = Parse("""{"edition":"Developer"}""");

        Assert.Null(definition.Username);
        Assert.Null(definition.CreateInsertBody().Property("Username"));
    }

    [Fact]
    public void Other_keys_pass_through_with_nested_keys_upper_cased_as_the_clis_deep_mapKeys_does()
    {
        var body = Body("""{"edition":"Developer","snapshotName":null,"custom":{"innerKey":1.50,"list":[{"deepKey":"2024-01-01"},"text"]}}""");

        AssertJson($$"""
            {"Edition":"Developer","SnapshotName":null,"Custom":{"InnerKey":1.50,"List":[{"DeepKey":"2024-01-01"},"text"]},
             "OrgName":"Company","DurationDays":7,"ConnectedAppConsumerKey":"{{HubClientId}}","ConnectedAppCallbackUrl":"http://localhost:1717/OauthRedirect"}
            """, body);
        Assert.Equal("1.50", body["Custom"]!["InnerKey"]!.ToString());
    }

    [Fact]
    public void A_snapshot_needs_no_edition()
    {
        AssertJson($$"""
            {"Snapshot":"NightlyShape","Description":"from a snapshot","OrgName":"Company","DurationDays":7,
             "ConnectedAppConsumerKey":"{{HubClientId}}","ConnectedAppCallbackUrl":"http://localhost:1717/OauthRedirect"}
            """, Body("""{"snapshot":"NightlyShape","description":"from a snapshot"}"""));
    }

    [Fact]
    public void Settings_and_object_settings_are_never_part_of_the_insert()
    {
        var definition = Parse("""{"edition":"Developer","settings":{"securitySettings":{"sessionSettings":{"sessionTimeout":"TwelveHours"}}},"objectSettings":{"account":{"sharingModel":"read"}}}""");

        var body = definition.CreateInsertBody();

        Assert.DoesNotContain(body.Properties(), p => p.Name.IndexOf("Settings", StringComparison.OrdinalIgnoreCase) >= 0);
        Assert.False(definition.Settings.IsEmpty);
    }

    [Theory]
    [InlineData("\"settings\":null,\"objectSettings\":null,")]
    [InlineData("\"settings\":{},\"objectSettings\":{},")]
    [InlineData("")]
    public void Absent_or_empty_settings_mean_nothing_to_deploy(string settings)
    {
        var definition = Parse($$"""{{{settings}}"edition":"Developer"}""");

        Assert.True(definition.Settings.IsEmpty);
        Assert.Empty(definition.Settings.SettingsNames);
        Assert.Empty(definition.Settings.ObjectNames);
    }

    [Fact]
    public void The_definition_cannot_be_changed_through_what_it_hands_out()
    {
        var definition = Parse("""{"edition":"Developer","settings":{"securitySettings":{"enableAdminLoginAsAnyUser":true}}}""");

        definition.CreateInsertBody()["Edition"] = "Enterprise";
        definition.Settings.CopySettings()["securitySettings"]!["enableAdminLoginAsAnyUser"] = false;

        Assert.Equal("Developer", (string?)definition.CreateInsertBody()["Edition"]);
        Assert.True((bool)definition.Settings.CopySettings()["securitySettings"]!["enableAdminLoginAsAnyUser"]!);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)definition.Warnings).Add("x"));
        Assert.Throws<NotSupportedException>(() => ((IList<string>)definition.Settings.SettingsNames).Add("x"));
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_and_crlf_lines_reads_like_its_text()
    {
        const string json = "{\r\n  \"edition\": \"Group\",\r\n  \"features\": \"API\"\r\n}\r\n";
        var path = _folder.File("bom.json");
        File.WriteAllText(path, json, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var fromFile = ScratchOrgDefinitionReader.ReadFile(path, Options()).CreateInsertBody();

        Assert.True(JToken.DeepEquals(ScratchOrgDefinitionReader.Parse(json, null, Options()).CreateInsertBody(), fromFile));
        Assert.Equal("Group", (string?)fromFile["Edition"]);
    }

    [Fact]
    public void Comments_and_trailing_commas_which_editors_allow_are_accepted()
    {
        Assert.Equal("Developer", (string?)Body("{ // the usual\n \"edition\": \"Developer\", /* trailing */ }\n// end")["Edition"]);
        Assert.Equal("API;AuthorApex", (string?)Body("{\"edition\": \"Developer\", \"features\": [\"API\", \"AuthorApex\",],}")["Features"]);
    }
}
