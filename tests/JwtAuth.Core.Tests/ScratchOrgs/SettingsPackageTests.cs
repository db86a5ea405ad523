using System.IO.Compression;
using System.Xml.Linq;
using JwtAuth.Core.ScratchOrgs;
using static JwtAuth.Core.Tests.ScratchOrgs.PackageContents;

namespace JwtAuth.Core.Tests.ScratchOrgs;

public class SettingsPackageTests
{
    private const string Settings = """
        {
          "lightningExperienceSettings": { "enableS1DesktopEnabled": true },
          "securitySettings": { "sessionSettings": { "sessionTimeout": "TwelveHours", "lockSessionsToIp": false } },
          "userManagementSettings": { "permsetsInFieldCreation": true, "userAccessPolicies": [ { "name": "a" }, { "name": "b" } ] }
        }
        """;

    private const string ObjectSettings = """{"opportunity":{"sharingModel":"private","defaultRecordType":"default"}}""";

    [Fact]
    public void Every_file_parses_as_metadata_xml_with_the_roots_the_types_imply()
    {
        var package = Of(Build(Settings, ObjectSettings));

        foreach (var (name, text) in package.Entries)
        {
            var root = XDocument.Parse(text).Root!;
            Assert.Equal(Metadata, root.Name.Namespace);
            Assert.All(root.Descendants(), e => Assert.Equal(Metadata, e.Name.Namespace));
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", text);
            Assert.DoesNotContain("\r", text);
        }
        Assert.Equal(Metadata + "Package", package.Xml("package.xml").Root!.Name);
        Assert.Equal(Metadata + "LightningExperienceSettings", package.Xml("settings/LightningExperience.settings").Root!.Name);
        Assert.Equal(Metadata + "SecuritySettings", package.Xml("settings/Security.settings").Root!.Name);
        Assert.Equal(Metadata + "UserManagementSettings", package.Xml("settings/UserManagement.settings").Root!.Name);
        Assert.Equal(Metadata + "CustomObject", package.Xml("objects/Opportunity.object").Root!.Name);

        var session = package.Xml("settings/Security.settings").Root!.Element(Metadata + "sessionSettings")!;
        Assert.Equal(new[] { "sessionTimeout", "lockSessionsToIp" }, session.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("false", session.Element(Metadata + "lockSessionsToIp")!.Value);
        var policies = package.Xml("settings/UserManagement.settings").Root!.Elements(Metadata + "userAccessPolicies").ToList();
        Assert.Equal(new[] { "a", "b" }, policies.Select(p => p.Element(Metadata + "name")!.Value));
    }

    [Fact]
    public void Package_xml_names_every_file_the_zip_holds()
    {
        var package = Of(Build(Settings, ObjectSettings));
        var manifest = package.Xml("package.xml").Root!;

        string[] Members(string type) => manifest.Elements(Metadata + "types")
            .Single(t => t.Element(Metadata + "name")!.Value == type)
            .Elements(Metadata + "members").Select(m => m.Value).ToArray();

        Assert.Equal(package.Names.Where(n => n.StartsWith("settings/")).Select(n => n["settings/".Length..^".settings".Length]), Members("Settings"));
        Assert.Equal(package.Names.Where(n => n.StartsWith("objects/")).Select(n => n["objects/".Length..^".object".Length]), Members("CustomObject"));
        Assert.Equal(new[] { "Opportunity.Default" }, Members("RecordType"));
        Assert.Equal(new[] { "Opportunity.DefaultProcess" }, Members("BusinessProcess"));
        Assert.Equal("65.0", manifest.Element(Metadata + "version")!.Value);
        Assert.Equal(manifest.Elements().Last(), manifest.Element(Metadata + "version"));
    }

    [Fact]
    public void Text_survives_the_round_trip_through_xml_exactly()
    {
        const string value = "line one\nline two\r\nline three\ttabbed & <escaped> \"quoted\" — ünïcödé 😀";
        var settings = new Newtonsoft.Json.Linq.JObject { ["chatterSettings"] = new Newtonsoft.Json.Linq.JObject { ["welcomeText"] = value } };

        var package = Of(SettingsPackage.Build(ScratchOrgSettings.From(settings, null), "65.0"));

        Assert.Equal(value, XDocument.Parse(package["settings/Chatter.settings"]).Root!.Element(Metadata + "welcomeText")!.Value);
    }

    [Fact]
    public void The_same_settings_give_the_same_bytes_and_a_change_gives_other_bytes()
    {
        var first = Build(Settings, ObjectSettings).ToArray();
        var second = Build(Settings, ObjectSettings).ToArray();
        var otherVersion = Build(Settings, ObjectSettings, apiVersion: "66.0").ToArray();
        var otherValue = Build(Settings.Replace("TwelveHours", "EightHours"), ObjectSettings).ToArray();

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherVersion);
        Assert.NotEqual(first, otherValue);
    }

    [Fact]
    public void The_zip_holds_only_files_with_forward_slash_names_and_one_fixed_time()
    {
        var package = Build(Settings, ObjectSettings);

        using var archive = new ZipArchive(new MemoryStream(package.ToArray()), ZipArchiveMode.Read);
        Assert.Equal(package.EntryNames, archive.Entries.Select(e => e.FullName));
        Assert.All(archive.Entries, e =>
        {
            Assert.DoesNotContain('\\', e.FullName);
            Assert.False(e.FullName.EndsWith('/'), "no folder entries");
            Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime);
            Assert.True(e.CompressedLength < e.Length, $"{e.FullName} is compressed");
        });
        Assert.Equal("package.xml", SettingsPackage.ManifestEntryName);
        Assert.Equal("65.0", package.ApiVersion);
    }

    [Fact]
    public void The_package_hands_out_copies()
    {
        var package = Build(Settings);
        var bytes = package.ToArray();
        bytes[0] ^= 0xFF;

        Assert.NotEqual(bytes, package.ToArray());
        Assert.Equal((byte)'P', package.ToArray()[0]);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)package.EntryNames).Add("x"));
    }

    [Fact]
    public void A_definition_files_settings_build_the_package()
    {
        var definition = Definitions.Parse($$"""{"edition":"Developer","settings":{{Settings}},"objectSettings":{{ObjectSettings}}}""");

        var fromDefinition = SettingsPackage.Build(definition.Settings, "65.0").ToArray();

        Assert.Equal(Build(Settings, ObjectSettings).ToArray(), fromDefinition);
    }

    [Theory]
    [InlineData("65")]
    [InlineData("v65.0")]
    [InlineData("65.0.1")]
    [InlineData("")]
    [InlineData(" 65.0")]
    [InlineData(null)]
    public void An_api_version_that_is_not_major_dot_minor(string? apiVersion)
    {
        var settings = ScratchOrgSettings.From(Definitions.Json(Settings), null);

        var error = Definitions.Refused(ScratchOrgDefinitionErrorIds.SettingsApiVersionInvalid, () => SettingsPackage.Build(settings, apiVersion!));

        Assert.Equal(apiVersion, error.Target);
        Assert.Equal(JwtAuth.Core.Errors.JwtAuthErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void No_settings_is_nothing_to_build()
    {
        Assert.Throws<ArgumentException>(() => SettingsPackage.Build(ScratchOrgSettings.None, "65.0"));
        Assert.Throws<ArgumentException>(() => SettingsPackage.Build(ScratchOrgSettings.From(Definitions.Json("{}"), Definitions.Json("{}")), "65.0"));
        Assert.True(ScratchOrgSettings.None.IsEmpty);
    }
}
