using JwtAuth.Core.Errors;
using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Core.Tests.Keys;
using static JwtAuth.Core.ScratchOrgs.ScratchOrgDefinitionErrorIds;
using static JwtAuth.Core.Tests.ScratchOrgs.Definitions;

namespace JwtAuth.Core.Tests.ScratchOrgs;

public sealed class DefinitionRefusalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_missing_file()
    {
        var path = _folder.File("no-such-def.json");

        var error = Refused(DefinitionFileNotFound, () => ScratchOrgDefinitionReader.ReadFile(path, Options()));

        Assert.Equal(JwtAuthErrorKind.ObjectNotFound, error.Kind);
        Assert.Equal(path, error.Target);
        Assert.Equal(path, error.DefinitionFile);
        Assert.Contains("-DefinitionFile", error.Fix);
    }

    [Fact]
    public void A_file_in_a_missing_folder()
    {
        var path = Path.Combine(_folder.Path, "config", "project-scratch-def.json");

        Assert.Equal(path, Refused(DefinitionFileNotFound, () => ScratchOrgDefinitionReader.ReadFile(path, Options())).Target);
    }

    [Fact]
    public void A_folder()
    {
        var error = Refused(DefinitionFileUnreadable, () => ScratchOrgDefinitionReader.ReadFile(_folder.Path, Options()));

        Assert.Equal(JwtAuthErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("folder", error.Message);
    }

    [Fact]
    public void A_file_the_user_may_not_read()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = _folder.File("locked.json");
        File.WriteAllText(path, """{"edition":"Developer"}""");
        File.SetUnixFileMode(path, UnixFileMode.None);

        var thrown = PermissionsEnforced.Run(() => ScratchOrgDefinitionReader.ReadFile(path, Options()));

        var error = Assert.IsType<ScratchOrgDefinitionException>(thrown);
        Assert.Equal(DefinitionFileUnreadable, error.ErrorId);
        Assert.Equal(JwtAuthErrorKind.PermissionDenied, error.Kind);
        Assert.IsType<UnauthorizedAccessException>(error.InnerException);
        Assert.Equal(path, error.Target);
    }

    [Theory]
    [InlineData("{\n  \"edition\": \"Developer\",\n  \"features\": [\"API\" \"AuthorApex\"]\n}", 3, 21)]
    [InlineData("{\"edition\": \"Developer\"", 1, 23)]
    [InlineData("{\"edition\": \"Developer\"} {}", 1, 25)]
    public void Text_that_is_not_json_names_the_parsers_line_and_position(string json, int line, int position)
    {
        var error = Refused(DefinitionFileInvalidJson, json);

        Assert.Equal(JwtAuthErrorKind.InvalidData, error.Kind);
        var at = System.Text.RegularExpressions.Regex.Match(error.Message, "stopped at line ([0-9]+), position ([0-9]+)");
        Assert.True(at.Success, error.Message);
        Assert.Equal((line, position), (int.Parse(at.Groups[1].Value), int.Parse(at.Groups[2].Value)));
        Assert.IsAssignableFrom<Newtonsoft.Json.JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("edition: Developer")]
    [InlineData("<xml/>")]
    public void Text_that_fails_on_its_first_value(string json)
    {
        Assert.Contains("the parser stopped at its first value.", Refused(DefinitionFileInvalidJson, json).Message);
    }

    [Fact]
    public void The_json_error_does_not_quote_the_file()
    {
        var error = Refused(DefinitionFileInvalidJson, """{"adminEmail": "private.person@example.com" "edition": "Partner Group"}""");

        Assert.DoesNotContain("private.person", error.Message);
        Assert.DoesNotContain("Partner Group", error.Message);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData(" \n\t ", "is empty")]
    [InlineData("[{\"edition\":\"Developer\"}]", "holds a JSON array, not an object")]
    [InlineData("\"Developer\"", "holds a JSON string, not an object")]
    [InlineData("null", "holds a JSON null, not an object")]
    public void Empty_text_or_json_that_is_not_an_object(string json, string why)
    {
        Assert.Contains(why, Refused(DefinitionFileInvalidJson, json).Message);
    }

    [Theory]
    [InlineData("{\"Edition\":\"Developer\"}", "Edition")]
    [InlineData("{\"edition\":\"Developer\",\"OrgName\":\"X\"}", "OrgName")]
    [InlineData("{\"edition\":\"Developer\",\"_private\":1}", "_private")]
    [InlineData("{\"edition\":\"Developer\",\"1st\":1}", "1st")]
    [InlineData("{\"edition\":\"Developer\",\"\":1}", "")]
    [InlineData("{\"edition\":\"Developer\",\"$ref\":\"x\"}", "$ref")]
    public void A_key_that_does_not_start_lower_case_is_the_clis_InvalidJsonCasing(string json, string key)
    {
        var error = Refused(DefinitionFileInvalidCasing, json);

        Assert.Equal(key, error.Key);
        Assert.Contains($"'{key}'", error.Message);
        Assert.Contains("camel case", error.Fix);
    }

    [Theory]
    [InlineData("durationDays")]
    [InlineData("durationdays")]
    public void DurationDays_in_the_file_points_to_the_option(string key)
    {
        var error = Refused(DefinitionFileDurationDays, $$"""{"edition":"Developer","{{key}}":7}""");

        Assert.Equal(key, error.Key);
        Assert.Contains("-DurationDays", error.Fix);
    }

    [Theory]
    [InlineData("\"edition\":\"Developer\"", "'edition'")]
    [InlineData("\"features\":\"API\",\"sourceOrg\":\"00D\"", "'features', 'sourceOrg'")]
    [InlineData("\"releaseVersion\":\"x\",\"settingsPath\":\"y\"", "'releaseVersion', 'settingsPath'")]
    public void A_snapshot_with_keys_a_snapshot_org_cannot_take(string others, string named)
    {
        var error = Refused(DefinitionFileSnapshotConflict, $$"""{"snapshot":"Nightly",{{others}}}""");

        Assert.Contains(named, error.Message);
        Assert.Equal("snapshot", error.Key);
    }

    [Theory]
    [InlineData("{\"edition\":\"Developer\",\"orgPreferences\":{\"enabled\":[\"S1DesktopEnabled\"]}}")]
    [InlineData("{\"edition\":\"Developer\",\"orgPreferences\":{},\"settings\":{\"securitySettings\":{}}}")]
    public void OrgPreferences_are_refused_as_the_current_cli_does(string json)
    {
        var error = Refused(DefinitionFileOrgPreferences, json);

        Assert.Equal("orgPreferences", error.Key);
        Assert.Contains("settings", error.Fix);
    }

    [Fact]
    public void Package_ancestors_belong_in_the_project_file()
    {
        Assert.Equal("package2AncestorIds", Refused(DefinitionFileAncestorIds, """{"edition":"Developer","package2AncestorIds":"05i000000000001"}""").Key);
    }

    [Theory]
    [InlineData("connectedAppConsumerKey")]
    [InlineData("connectedAppCallbackUrl")]
    [InlineData("connectedappconsumerkey")]
    public void The_connected_app_fields_are_jwtauths_to_set(string key)
    {
        var error = Refused(DefinitionFileConnectedApp, $$"""{"edition":"Developer","{{key}}":"PlatformCLI"}""");

        Assert.Equal(key, error.Key);
        Assert.DoesNotContain("PlatformCLI", error.Message);
    }

    [Theory]
    [InlineData("{\"edition\":5}", "edition")]
    [InlineData("{\"edition\":null}", "edition")]
    [InlineData("{\"edition\":\" \"}", "edition")]
    [InlineData("{\"edition\":[\"Developer\"]}", "edition")]
    [InlineData("{\"edition\":\"Developer\",\"username\":42}", "username")]
    [InlineData("{\"edition\":\"Developer\",\"username\":\"\"}", "username")]
    [InlineData("{\"edition\":\"Developer\",\"orgName\":{\"name\":\"x\"}}", "orgName")]
    [InlineData("{\"edition\":\"Developer\",\"features\":5}", "features")]
    [InlineData("{\"edition\":\"Developer\",\"features\":{\"API\":true}}", "features")]
    [InlineData("{\"edition\":\"Developer\",\"features\":[\"API\",1]}", "features")]
    [InlineData("{\"edition\":\"Developer\",\"features\":[\"API\",null]}", "features")]
    [InlineData("{\"edition\":\"Developer\",\"features\":[[\"API\"]]}", "features")]
    public void A_value_of_the_wrong_kind(string json, string key)
    {
        var error = Refused(DefinitionFileInvalidValue, json);

        Assert.Equal(key, error.Key);
        Assert.Equal(JwtAuthErrorKind.InvalidData, error.Kind);
        Assert.Contains($"'{key}'", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(-7)]
    public void A_duration_outside_one_to_thirty_days(int days)
    {
        var error = Refused(DurationDaysOutOfRange, () => new ScratchOrgDefinitionOptions(HubClientId, days));

        Assert.Equal(days, error.Target);
        Assert.Equal(JwtAuthErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("between 1 and 30", error.Fix);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    public void The_duration_limits_themselves_are_accepted(int days)
    {
        Assert.Equal(days, (int)Parse("""{"edition":"Developer"}""", days).CreateInsertBody()["DurationDays"]!);
        Assert.Equal(days, (int)ScratchOrgDefinitionReader.FromEdition(null, Options(days)).CreateInsertBody()["DurationDays"]!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_edition_option(string edition)
    {
        var error = Refused(EditionInvalid, () => ScratchOrgDefinitionReader.FromEdition(edition, Options()));

        Assert.Equal(edition, error.Target);
        Assert.Contains("-Edition", error.Fix);
    }

    [Fact]
    public void Json_text_without_a_file_is_named_as_the_definition()
    {
        var error = Refused(DefinitionFileInvalidCasing, () => ScratchOrgDefinitionReader.Parse("""{"Edition":"Developer"}""", null, Options()));

        Assert.Null(error.DefinitionFile);
        Assert.Null(error.Target);
        Assert.StartsWith("The scratch org definition has the key 'Edition'", error.Message);
    }

    [Fact]
    public void The_checks_run_in_the_clis_order_casing_first()
    {
        Assert.Equal("Features", Refused(DefinitionFileInvalidCasing, """{"durationDays":7,"orgPreferences":{},"Features":"API"}""").Key);
        Assert.Equal("durationDays", Refused(DefinitionFileDurationDays, """{"orgPreferences":{},"durationDays":7,"snapshot":"s","edition":"x"}""").Key);
    }
}
