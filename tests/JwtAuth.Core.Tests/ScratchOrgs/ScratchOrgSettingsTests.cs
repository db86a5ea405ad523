using MockSalesforce;
using JwtAuth.Core.ScratchOrgs;
using MockSalesforce.Metadata;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>A definition's settings, deployed to the new org once it is Active; a failed deploy keeps and stores the org.</summary>
public class ScratchOrgSettingsTests
{
    private const string WithSettings = """
        {"edition":"Developer",
         "settings":{"lightningExperienceSettings":{"enableS1DesktopEnabled":true},"securitySettings":{"sessionSettings":{"sessionTimeout":"TwelveHours"}}},
         "objectSettings":{"account":{"sharingModel":"read"}}}
        """;

    [Fact]
    public async Task The_settings_zip_is_deployed_to_the_new_org_with_its_token_and_polled_to_Succeeded()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        h.Server.Options.DeployDuration = TimeSpan.FromSeconds(3);
        await h.ConnectHubAsync();
        var file = h.Folder.File("def.json");
        File.WriteAllText(file, WithSettings);

        var run = await h.CreateAsync(new ScratchOrgRequest { DefinitionFile = file });

        var created = Assert.Single(run.Succeeded);
        var deploy = Assert.Single(h.Server.Deploys.All);
        var signup = Assert.Single(h.Server.ScratchOrgs.All);
        Assert.Equal(signup.Org, deploy.Org);
        Assert.Equal(DeployStatus.Succeeded, deploy.Status);
        Assert.Equal(new[] { "package.xml", "settings/LightningExperience.settings", "settings/Security.settings", "objects/Account.object" }, deploy.EntryNames);
        var definition = ScratchOrgDefinitionReader.ReadFile(file, new ScratchOrgDefinitionOptions(MockFixture.ClientId));
        Assert.Equal(SettingsPackage.Build(definition.Settings, "65.0").ToArray(), deploy.Zip);
        Assert.True(deploy.Options["singlePackage"]);
        Assert.True(deploy.Options["rollbackOnError"]);
        Assert.NotNull(created.Org);
        // The deploy's 1 s polls come after the org's own: 3 s of deploy is three more waits.
        Assert.Equal(3, h.Delays.Waits.Skip(2).Count());
    }

    [Fact]
    public async Task A_failed_deploy_is_an_error_naming_the_failing_components_and_the_org_is_kept_stored_and_written()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        await h.ConnectHubAsync();
        h.Server.Deploys.Fail(new DeployFailure("settings/Security.settings", "Security: not valid in a scratch org"));
        var file = h.Folder.File("def.json");
        File.WriteAllText(file, WithSettings);

        var run = await h.CreateAsync(new ScratchOrgRequest { DefinitionFile = file, Alias = "withsettings" });

        var outcome = Assert.Single(run.Outcomes);
        var error = Assert.IsType<ScratchOrgException>(outcome.Error);
        Assert.Equal(ScratchOrgErrorIds.ScratchOrgSettingsNotDeployed, error.ErrorId);
        Assert.Contains("Settings Security (settings/Security.settings): Security: not valid in a scratch org", error.Message);
        Assert.DoesNotContain("LightningExperience", error.Message);
        Assert.Contains("Remove-SfScratchOrg", error.Fix);
        var signup = Assert.Single(h.Server.ScratchOrgs.All);
        Assert.Equal(signup.Id, error.ScratchOrgInfoId);
        Assert.Equal(signup.SignupUsername, outcome.Org!.Username);
        Assert.Equal(signup.SignupUsername, h.Persisted.Find("withsettings")!.Username);
        Assert.Equal(MockSalesforce.Scratch.ScratchOrgStatus.Active, signup.Status);
    }
}
