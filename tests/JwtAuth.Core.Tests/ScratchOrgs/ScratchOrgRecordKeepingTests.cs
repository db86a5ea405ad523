using MockSalesforce;
using JwtAuth.Core.Model;
using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Core.Store;
using JwtAuth.Core.Tests.Store;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>What is kept about a scratch org: its Dev Hub link in the store (format 1 both ways) and in the Salesforce CLI's files.</summary>
public class ScratchOrgRecordKeepingTests
{
    [Fact]
    public async Task The_org_file_holds_the_Dev_Hub_link_and_other_org_files_stay_as_they_were()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        await h.ConnectHubAsync();
        await h.CreateAsync(new ScratchOrgRequest { Alias = "feature" });
        var signup = Assert.Single(h.Server.ScratchOrgs.All);

        var scratchFile = JObject.Parse(File.ReadAllText(h.Persisted.Find("feature")!.FilePath!));
        var hubFile = JObject.Parse(File.ReadAllText(h.Persisted.Find("HubOrg")!.FilePath!));

        Assert.Equal(1, (int)scratchFile["version"]!);
        Assert.Equal("Scratch", (string?)scratchFile["orgType"]);
        var origin = (JObject)scratchFile["scratchOrg"]!;
        Assert.Equal(h.HubUser.Username, (string?)origin["devHubUsername"]);
        Assert.Equal(signup.Id, (string?)origin["scratchOrgInfoId"]);
        Assert.Equal(signup.ExpirationDate.ToString("yyyy-MM-dd"), (string?)origin["expirationDate"]);
        Assert.Equal("USA524S", (string?)origin["signupInstance"]);
        Assert.Null(hubFile.Property("scratchOrg"));
    }

    [Fact]
    public void A_version_1_file_without_the_link_reads_as_before_and_one_with_it_round_trips()
    {
        using var folder = new TempStoreFolder();
        var store = folder.Open();
        var plain = SampleAuths.For("plain@example.com");
        var scratch = SampleAuths.For("scratch@example.com", type: OrgType.Scratch);
        scratch.ScratchOrg = new ScratchOrgOrigin
        {
            DevHubUsername = "hub@example.com", ScratchOrgInfoId = "2SR000000000001AAA", ExpirationDate = new DateTime(2026, 12, 8),
            CreatedDate = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), SignupInstance = "USA524S",
        };

        store.SaveMany(new[] { new OrgAuthSave(plain), new OrgAuthSave(scratch) });
        var read = store.Find("scratch@example.com")!.Auth.ScratchOrg!;

        Assert.Null(store.Find("plain@example.com")!.Auth.ScratchOrg);
        Assert.DoesNotContain("scratchOrg", File.ReadAllText(folder.OrgFile("plain@example.com")));
        Assert.Equal("hub@example.com", read.DevHubUsername);
        Assert.Equal("2SR000000000001AAA", read.ScratchOrgInfoId);
        Assert.Equal(new DateTime(2026, 12, 8), read.ExpirationDate);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), read.CreatedDate);
        Assert.Equal("USA524S", read.SignupInstance);
    }

    [Fact]
    public async Task With_SfCli_each_org_is_registered_with_the_CLI_under_its_Dev_Hub()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        await h.ConnectHubAsync();
        var run = await h.CreateAsync(new ScratchOrgRequest { Alias = "feature", SetDefault = true, RegisterWithSfCli = true });
        var signup = Assert.Single(h.Server.ScratchOrgs.All);

        var auth = JObject.Parse(File.ReadAllText(Path.Combine(h.SfCliHome, ".sfdx", signup.SignupUsername + ".json")));
        var aliases = JObject.Parse(File.ReadAllText(Path.Combine(h.SfCliHome, ".sfdx", "alias.json")));
        var config = JObject.Parse(File.ReadAllText(Path.Combine(h.SfCliHome, ".sf", "config.json")));

        Assert.Equal(h.HubUser.Username, (string?)auth["devHubUsername"]);
        Assert.Equal(signup.ExpirationDate.ToString("yyyy-MM-dd"), (string?)auth["expirationDate"]);
        Assert.Equal(signup.CreatedAt.ToUnixTimeMilliseconds().ToString(), (string?)auth["created"]);
        Assert.Equal("USA524S", (string?)auth["createdOrgInstance"]);
        Assert.True((bool)auth["isScratch"]!);
        Assert.False((bool)auth["isDevHub"]!);
        Assert.Equal(MockFixture.ClientId, (string?)auth["clientId"]);
        Assert.Equal(h.KeyFile, (string?)auth["privateKey"]);
        Assert.Equal(signup.Org!.InstanceUrl, (string?)auth["loginUrl"]);
        Assert.Null(auth["accessToken"]);
        Assert.Equal(signup.SignupUsername, (string?)aliases["orgs"]!["feature"]);
        Assert.Equal("feature", (string?)config["target-org"]);
        // The hub itself is not known to this CLI home: the run said so.
        Assert.Contains(h.Scratch.Prepare(new ScratchOrgRequest { RegisterWithSfCli = true }).Warnings, w => w.Contains("sf org list", StringComparison.Ordinal));
        Assert.Single(run.Succeeded);
    }

    [Fact]
    public async Task With_SfCli_a_hub_whose_key_the_CLI_cannot_read_is_refused_before_any_call()
    {
        await using var h = await ServiceFixture.StartAsync();
        await h.ConnectHubAsync(JwtAuth.Core.Service.KeySource.FromText(h.Keys.PrivateKeyPem, null), processScope: true);
        h.Server.ClearRequests();

        var error = Assert.Throws<JwtAuth.Core.SfCli.SfCliException>(() => { h.Scratch.Prepare(new ScratchOrgRequest { RegisterWithSfCli = true }); });

        Assert.Equal(JwtAuth.Core.SfCli.SfCliErrorIds.KeyInMemory, error.ErrorId);
        Assert.Empty(h.Server.Requests);
    }
}
