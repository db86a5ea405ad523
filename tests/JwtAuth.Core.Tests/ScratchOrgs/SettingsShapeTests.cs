using JwtAuth.Core.Errors;
using JwtAuth.Core.ScratchOrgs;
using static JwtAuth.Core.ScratchOrgs.ScratchOrgDefinitionErrorIds;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>Settings that could only fail in the deploy, after the org exists, are refused when the definition is read.</summary>
public class SettingsShapeTests
{
    [Theory]
    [InlineData("\"settings\":\"lightningExperienceSettings\"", "settings", "is not an object")]
    [InlineData("\"settings\":[{\"lightningExperienceSettings\":{}}]", "settings", "is not an object")]
    [InlineData("\"settings\":{\"lightningExperienceSettings\":true}", "settings.lightningExperienceSettings", "is not an object")]
    [InlineData("\"settings\":{\"lightningExperienceSettings\":[{\"enableS1DesktopEnabled\":true}]}", "settings.lightningExperienceSettings", "is not an object")]
    [InlineData("\"settings\":{\"lightningExperience\":{}}", "settings.lightningExperience", "does not name a Settings type")]
    [InlineData("\"settings\":{\"settings\":{}}", "settings.settings", "does not name a Settings type")]
    [InlineData("\"settings\":{\"security Settings\":{}}", "settings.security Settings", "does not name a Settings type")]
    [InlineData("\"settings\":{\"../caseSettings\":{}}", "settings.../caseSettings", "does not name a Settings type")]
    [InlineData("\"settings\":{\"caseSettings\":{},\"CaseSettings\":{}}", "settings.CaseSettings", "names the same Settings type as another entry")]
    [InlineData("\"settings\":{\"caseSettings\":{\"bad name\":true}}", "settings.caseSettings.bad name", "cannot be an XML element name")]
    [InlineData("\"settings\":{\"caseSettings\":{\"@attribute\":true}}", "settings.caseSettings.@attribute", "cannot be an XML element name")]
    [InlineData("\"settings\":{\"caseSettings\":{\"ns:field\":true}}", "settings.caseSettings.ns:field", "cannot be an XML element name")]
    [InlineData("\"settings\":{\"caseSettings\":{\"group\":{\"1st\":true}}}", "settings.caseSettings.group.1st", "cannot be an XML element name")]
    [InlineData("\"settings\":{\"caseSettings\":{\"defaultOwner\":null}}", "settings.caseSettings.defaultOwner", "is null")]
    [InlineData("\"settings\":{\"caseSettings\":{\"owners\":[\"a\",null]}}", "settings.caseSettings.owners[1]", "is null")]
    [InlineData("\"settings\":{\"caseSettings\":{\"text\":\"bell\\u0007\"}}", "settings.caseSettings.text", "holds a character XML cannot carry")]
    [InlineData("\"objectSettings\":[\"account\"]", "objectSettings", "is not an object")]
    [InlineData("\"objectSettings\":{\"account\":\"private\"}", "objectSettings.account", "is not an object")]
    [InlineData("\"objectSettings\":{\"my object\":{}}", "objectSettings.my object", "does not name an object")]
    [InlineData("\"objectSettings\":{\"account\":{},\"Account\":{}}", "objectSettings.Account", "names the same object as another entry")]
    [InlineData("\"objectSettings\":{\"account\":{\"sharingModel\":5}}", "objectSettings.account.sharingModel", "is not a name")]
    [InlineData("\"objectSettings\":{\"account\":{\"sharingModel\":\"\"}}", "objectSettings.account.sharingModel", "is not a name")]
    [InlineData("\"objectSettings\":{\"account\":{\"defaultRecordType\":[\"a\"]}}", "objectSettings.account.defaultRecordType", "is not a name")]
    [InlineData("\"objectSettings\":{\"account\":{\"defaultRecordType\":\" \"}}", "objectSettings.account.defaultRecordType", "is not a name")]
    public void A_shape_that_cannot_become_metadata_is_refused_naming_its_key(string entry, string key, string why)
    {
        var error = Definitions.Refused(DefinitionFileInvalidSettings, $$"""{"edition":"Developer",{{entry}}}""");

        Assert.Equal(key, error.Key);
        Assert.Equal(JwtAuthErrorKind.InvalidData, error.Kind);
        Assert.Contains($"'{key}' {why}.", error.Message);
    }

    [Fact]
    public void The_same_checks_guard_settings_given_directly()
    {
        var error = Definitions.Refused(DefinitionFileInvalidSettings,
            () => ScratchOrgSettings.From(Definitions.Json("""{"caseSettings":5}"""), null));

        Assert.Null(error.DefinitionFile);
        Assert.StartsWith("In the scratch org definition, 'settings.caseSettings' is not an object.", error.Message);
    }

    [Fact]
    public void Values_of_other_json_kinds_are_refused()
    {
        var settings = new Newtonsoft.Json.Linq.JObject
        {
            ["caseSettings"] = new Newtonsoft.Json.Linq.JObject { ["since"] = new DateTime(2024, 1, 1) },
        };

        var error = Definitions.Refused(DefinitionFileInvalidSettings, () => ScratchOrgSettings.From(settings, null));

        Assert.Equal("settings.caseSettings.since", error.Key);
    }

    [Fact]
    public void Object_settings_keys_the_cli_does_not_read_are_left_alone()
    {
        var settings = ScratchOrgSettings.From(null, Definitions.Json("""{"account":{"sharingModel":"read","label":null,"extra":[1,{"x":null}]}}"""));

        Assert.Equal(new[] { "account" }, settings.ObjectNames);
    }
}
