using static JwtAuth.Core.Tests.ScratchOrgs.PackageContents;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>
/// Each shape the CLI's settings generator writes, compared with the expected files written out by hand from
/// sfdx-core's scratchOrgSettingsGenerator (js2xmlparser: objects nest, arrays repeat, scalars are text).
/// </summary>
public class SettingsPackageGoldenTests
{
    [Fact]
    public void Settings_become_one_file_each_named_without_the_settings_suffix_and_listed_in_package_xml()
    {
        var package = Of(Build("""
            {
              "lightningExperienceSettings": { "enableS1DesktopEnabled": true },
              "securitySettings": {
                "passwordPolicies": { "minimumPasswordLength": 10, "complexity": "SpecialCharacters" },
                "sessionSettings": { "sessionTimeout": "TwelveHours", "forceRelogin": false }
              }
            }
            """, apiVersion: "64.0"));

        Assert.Equal(new[] { "package.xml", "settings/LightningExperience.settings", "settings/Security.settings" }, package.Names);
        Assert.Equal(Lines("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Package xmlns="http://soap.sforce.com/2006/04/metadata">
                <types>
                    <members>LightningExperience</members>
                    <members>Security</members>
                    <name>Settings</name>
                </types>
                <version>64.0</version>
            </Package>
            """), package["package.xml"]);
        Assert.Equal(Lines("""
            <?xml version="1.0" encoding="UTF-8"?>
            <LightningExperienceSettings xmlns="http://soap.sforce.com/2006/04/metadata">
                <enableS1DesktopEnabled>true</enableS1DesktopEnabled>
            </LightningExperienceSettings>
            """), package["settings/LightningExperience.settings"]);
        Assert.Equal(Lines("""
            <?xml version="1.0" encoding="UTF-8"?>
            <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
                <passwordPolicies>
                    <minimumPasswordLength>10</minimumPasswordLength>
                    <complexity>SpecialCharacters</complexity>
                </passwordPolicies>
                <sessionSettings>
                    <sessionTimeout>TwelveHours</sessionTimeout>
                    <forceRelogin>false</forceRelogin>
                </sessionSettings>
            </SecuritySettings>
            """), package["settings/Security.settings"]);
    }

    [Fact]
    public void Arrays_repeat_their_element_once_per_item_and_empty_ones_write_nothing()
    {
        var package = Of(Build("""
            {
              "securitySettings": {
                "networkAccess": {
                  "ipRanges": [
                    { "start": "10.0.0.0", "end": "10.255.255.255", "description": "VPN" },
                    { "start": "192.168.0.1", "end": "192.168.0.1" }
                  ]
                },
                "trustedHosts": ["a.example.com", ["b.example.com", "c.example.com"]],
                "noEntries": [],
                "emptyGroup": {}
              }
            }
            """));

        Assert.Equal(Lines("""
            <?xml version="1.0" encoding="UTF-8"?>
            <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
                <networkAccess>
                    <ipRanges>
                        <start>10.0.0.0</start>
                        <end>10.255.255.255</end>
                        <description>VPN</description>
                    </ipRanges>
                    <ipRanges>
                        <start>192.168.0.1</start>
                        <end>192.168.0.1</end>
                    </ipRanges>
                </networkAccess>
                <trustedHosts>a.example.com</trustedHosts>
                <trustedHosts>b.example.com</trustedHosts>
                <trustedHosts>c.example.com</trustedHosts>
                <emptyGroup />
            </SecuritySettings>
            """), package["settings/Security.settings"]);
    }

    [Fact]
    public void Scalars_are_written_as_text_and_escaped()
    {
        var package = Of(Build("""
            {
              "chatterSettings": {
                "welcomeText": "R&D <team> \"quoted\" 'single' > all ]]> end",
                "city": "Zürich ✓",
                "maxUsers": -25,
                "ratio": 1.50,
                "allowGuests": false
              }
            }
            """));

        Assert.Equal(Lines("""
            <?xml version="1.0" encoding="UTF-8"?>
            <ChatterSettings xmlns="http://soap.sforce.com/2006/04/metadata">
                <welcomeText>R&amp;D &lt;team&gt; "quoted" 'single' &gt; all ]]&gt; end</welcomeText>
                <city>Zürich ✓</city>
                <maxUsers>-25</maxUsers>
                <ratio>1.50</ratio>
                <allowGuests>false</allowGuests>
            </ChatterSettings>
            """), package["settings/Chatter.settings"]);
    }

    [Fact]
    public void Object_settings_write_the_sharing_model_record_type_and_business_process_as_the_cli_does()
    {
        var package = Of(Build(null, """
            {
              "account": { "sharingModel": "read" },
              "opportunity": { "sharingModel": "private", "defaultRecordType": "default" },
              "case": { "sharingModel": "readWrite" },
              "widget__c": { "sharingModel": "readWrite", "defaultRecordType": "standard" },
              "contact": {}
            }
            """));

        Assert.Equal(new[] { "package.xml", "objects/Account.object", "objects/Opportunity.object", "objects/Case.object", "objects/Widget__c.object", "objects/Contact.object" },
            package.Names);
        Assert.Equal(Lines("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Package xmlns="http://soap.sforce.com/2006/04/metadata">
                <types>
                    <members>Account</members>
                    <members>Opportunity</members>
                    <members>Case</members>
                    <members>Widget__c</members>
                    <members>Contact</members>
                    <name>CustomObject</name>
                </types>
                <types>
                    <members>Opportunity.Default</members>
                    <members>Widget__c.Standard</members>
                    <name>RecordType</name>
                </types>
                <types>
                    <members>Opportunity.DefaultProcess</members>
                    <name>BusinessProcess</name>
                </types>
                <version>65.0</version>
            </Package>
            """), package["package.xml"]);
        Assert.Equal(Lines("""
            <?xml version="1.0" encoding="UTF-8"?>
            <CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
                <sharingModel>Read</sharingModel>
            </CustomObject>
            """), package["objects/Account.object"]);
        Assert.Equal(Lines("""
            <?xml version="1.0" encoding="UTF-8"?>
            <CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
                <sharingModel>Private</sharingModel>
                <recordTypes>
                    <fullName>Default</fullName>
                    <label>Default</label>
                    <active>true</active>
                    <businessProcess>DefaultProcess</businessProcess>
                </recordTypes>
                <businessProcesses>
                    <fullName>DefaultProcess</fullName>
                    <isActive>true</isActive>
                    <values>
                        <fullName>Prospecting</fullName>
                    </values>
                </businessProcesses>
            </CustomObject>
            """), package["objects/Opportunity.object"]);
        Assert.Equal(Lines("""
            <?xml version="1.0" encoding="UTF-8"?>
            <CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
                <sharingModel>ReadWrite</sharingModel>
                <recordTypes>
                    <fullName>Standard</fullName>
                    <label>Standard</label>
                    <active>true</active>
                </recordTypes>
            </CustomObject>
            """), package["objects/Widget__c.object"]);
        Assert.Equal(Lines("""
            <?xml version="1.0" encoding="UTF-8"?>
            <CustomObject xmlns="http://soap.sforce.com/2006/04/metadata" />
            """), package["objects/Contact.object"]);
        Assert.Equal(new[] { "sharingModel" }, package.Xml("objects/Case.object").Root!.Elements().Select(e => e.Name.LocalName));
    }

    [Theory]
    [InlineData("case", "New")]
    [InlineData("lead", "Open - Not Contacted")]
    [InlineData("solution", "Draft")]
    public void Case_lead_and_solution_get_a_business_process_with_their_first_picklist_value_as_the_default(string objectKey, string value)
    {
        var objectName = char.ToUpperInvariant(objectKey[0]) + objectKey[1..];
        var package = Of(Build(null, $$$"""{"{{{objectKey}}}":{"defaultRecordType":"main"}}"""));

        Assert.Equal(Lines($$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
                <recordTypes>
                    <fullName>Main</fullName>
                    <label>Main</label>
                    <active>true</active>
                    <businessProcess>MainProcess</businessProcess>
                </recordTypes>
                <businessProcesses>
                    <fullName>MainProcess</fullName>
                    <isActive>true</isActive>
                    <values>
                        <fullName>{{value}}</fullName>
                        <default>true</default>
                    </values>
                </businessProcesses>
            </CustomObject>
            """), package[$"objects/{objectName}.object"]);
    }

    [Fact]
    public void Without_capitalized_record_types_the_names_stay_as_written()
    {
        var package = Of(Build(null, """{"opportunity":{"defaultRecordType":"default"}}""", capitalizeRecordTypes: false));

        Assert.Equal(Lines("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Package xmlns="http://soap.sforce.com/2006/04/metadata">
                <types>
                    <members>Opportunity</members>
                    <name>CustomObject</name>
                </types>
                <types>
                    <members>Opportunity.default</members>
                    <name>RecordType</name>
                </types>
                <types>
                    <members>Opportunity.defaultProcess</members>
                    <name>BusinessProcess</name>
                </types>
                <version>65.0</version>
            </Package>
            """), package["package.xml"]);
        var opportunity = package.Xml("objects/Opportunity.object").Root!;
        Assert.Equal("default", opportunity.Element(Metadata + "recordTypes")!.Element(Metadata + "fullName")!.Value);
        Assert.Equal("defaultProcess", opportunity.Element(Metadata + "businessProcesses")!.Element(Metadata + "fullName")!.Value);
    }

    [Fact]
    public void Settings_and_object_settings_together_list_settings_first_then_objects()
    {
        var package = Of(Build("""{"caseSettings":{"closeCaseThroughStatusChange":true}}""", """{"account":{"sharingModel":"private"}}"""));

        Assert.Equal(new[] { "package.xml", "settings/Case.settings", "objects/Account.object" }, package.Names);
        Assert.Equal(Lines("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Package xmlns="http://soap.sforce.com/2006/04/metadata">
                <types>
                    <members>Case</members>
                    <name>Settings</name>
                </types>
                <types>
                    <members>Account</members>
                    <name>CustomObject</name>
                </types>
                <version>65.0</version>
            </Package>
            """), package["package.xml"]);
    }
}
