using MockSalesforce;
using System.Security.Cryptography;
using JwtAuth.Core.Keys;
using JwtAuth.Core.ScratchOrgs;
using JwtAuth.Core.Service;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>The Dev Hub's key signs its scratch orgs' logins, whatever it was connected with.</summary>
public class ScratchOrgHubKeyTests
{
    [Fact]
    public async Task A_hub_connected_with_key_text_under_Process_scope_creates_orgs_kept_in_this_process_only()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        await h.ConnectHubAsync(KeySource.FromText(h.Keys.PrivateKeyPem, null), processScope: true);

        var run = await h.CreateAsync(new ScratchOrgRequest { Alias = "ci1" });

        var org = Assert.Single(run.Succeeded).Org!;
        var stored = h.Process.Find("ci1")!;
        Assert.Equal(org.Username, stored.Username);
        Assert.Equal(OrgAuthScope.Process, stored.Scope);
        Assert.Equal(Model.KeyReferenceKind.None, stored.Auth.Key.Kind);
        Assert.Empty(h.Persisted.ReadAll().Auths);
        Assert.Null(org.Key?.KeyFile);
    }

    [Fact]
    public async Task The_kept_key_of_a_process_scoped_hub_also_renews_its_expired_token()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        await h.ConnectHubAsync(KeySource.FromText(h.Keys.PrivateKeyPem, null), processScope: true);
        h.Server.Sessions.Revoke(h.HubUser);

        var run = await h.CreateAsync(new ScratchOrgRequest());

        Assert.Single(run.Succeeded);
        Assert.True(await h.LoginClient.IsTokenValidAsync(h.Server.BaseUrl, h.Process.Find("HubOrg")!.Auth.AccessToken!));
    }

    [Fact]
    public async Task A_hub_stored_with_an_in_memory_key_from_another_session_is_refused_before_any_call()
    {
        await using var h = await ServiceFixture.StartAsync();
        await h.ConnectHubAsync(KeySource.FromText(h.Keys.PrivateKeyPem, null));
        h.Server.ClearRequests();

        var error = await Assert.ThrowsAsync<ScratchOrgException>(() => h.CreateAsync(new ScratchOrgRequest()));

        Assert.Equal(ScratchOrgErrorIds.DevHubKeyUnavailable, error.ErrorId);
        Assert.Contains("-KeyFile", error.Fix);
        Assert.Contains("-Scope Process", error.Fix);
        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task An_encrypted_hub_key_file_opens_with_the_key_password_and_without_it_is_refused_before_any_call()
    {
        await using var h = await ServiceFixture.StartAsync(new MockOptions { ScratchOrgProvisioningTime = TimeSpan.FromSeconds(2) });
        var encrypted = h.Folder.File("encrypted.key");
        File.WriteAllText(encrypted, h.Keys.Key.ExportEncryptedPkcs8PrivateKeyPem("key-pass".AsSpan(),
            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));
        await h.ConnectHubAsync(KeySource.FromFile(encrypted, "key-pass"));
        h.Server.ClearRequests();

        var refused = await Assert.ThrowsAsync<KeyException>(() => h.CreateAsync(new ScratchOrgRequest()));
        Assert.Empty(h.Server.Requests);
        var run = await h.CreateAsync(new ScratchOrgRequest { KeyPassword = "key-pass" });

        Assert.Equal(KeyErrorIds.KeyPasswordRequired, refused.ErrorId);
        Assert.Single(run.Succeeded);
    }
}
