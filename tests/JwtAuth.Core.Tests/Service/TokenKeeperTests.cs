using JwtAuth.Core.Service;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Service;

public class TokenKeeperTests
{
    private static async Task<OrgAuthView> ConnectedAsync(ServiceFixture h, string alias, KeySource? key = null) =>
        await ConnectedAsync(h, alias, h.AddUser(OrgKind.Production).Username, key);

    private static async Task<OrgAuthView> ConnectedAsync(ServiceFixture h, string alias, string username, KeySource? key = null)
    {
        Assert.Null(Assert.Single(await h.ConnectAsync(h.ConnectRequest(username, key, alias))).Error);
        return Assert.Single(h.Service.List(new[] { alias }, false, false).Auths);
    }

    private static Task<OrgAuthView> EnsureAsync(ServiceFixture h, OrgAuthView view, bool refresh, List<string>? warnings = null) =>
        h.Service.EnsureWorkingTokenAsync(view, refresh, null, _ => { }, w => warnings?.Add(w), CancellationToken.None);

    [Fact]
    public async Task A_working_token_is_reused_without_a_new_login()
    {
        await using var h = await ServiceFixture.StartAsync();
        var view = await ConnectedAsync(h, "Prod");
        var logins = h.Server.TokenRequests.Count;

        var kept = await EnsureAsync(h, view, refresh: false);

        Assert.Equal(view.Auth.AccessToken, kept.Auth.AccessToken);
        Assert.Equal(logins, h.Server.TokenRequests.Count);
    }

    [Fact]
    public async Task A_rejected_token_is_renewed_with_the_stored_key_and_stored()
    {
        await using var h = await ServiceFixture.StartAsync();
        var view = await ConnectedAsync(h, "Prod");
        h.Server.Sessions.RevokeAll();

        var renewed = await EnsureAsync(h, view, refresh: false);

        Assert.NotEqual(view.Auth.AccessToken, renewed.Auth.AccessToken);
        Assert.Equal(renewed.Auth.AccessToken, h.Persisted.Find("Prod")!.Auth.AccessToken);
        Assert.True(await h.LoginClient.IsTokenValidAsync(renewed.Auth.InstanceUrl, renewed.Auth.AccessToken!));
    }

    [Fact]
    public async Task Refresh_always_mints_a_new_token()
    {
        await using var h = await ServiceFixture.StartAsync();
        var view = await ConnectedAsync(h, "Prod");

        var refreshed = await EnsureAsync(h, view, refresh: true);

        Assert.NotEqual(view.Auth.AccessToken, refreshed.Auth.AccessToken);
    }

    [Fact]
    public async Task An_auth_from_key_text_cannot_be_refreshed_and_says_to_connect_again()
    {
        await using var h = await ServiceFixture.StartAsync();
        var view = await ConnectedAsync(h, "Prod", KeySource.FromText(h.Keys.PrivateKeyPem, null));
        Assert.False(view.CanRenew);

        var ex = await Assert.ThrowsAsync<JwtAuth.Core.Store.StoreException>(() => EnsureAsync(h, view, refresh: true));

        Assert.Equal("AuthNotRenewable", ex.ErrorId);
        Assert.Contains("Connect-SfOrgJwt", ex.Fix);
    }

    [Fact]
    public async Task Renewing_from_an_encrypted_key_file_needs_its_password_which_is_never_stored()
    {
        await using var h = await ServiceFixture.StartAsync();
        var encrypted = h.Folder.File("encrypted.key");
        File.WriteAllText(encrypted, h.Keys.Key.ExportEncryptedPkcs8PrivateKeyPem("key-pass".AsSpan(),
            new System.Security.Cryptography.PbeParameters(System.Security.Cryptography.PbeEncryptionAlgorithm.Aes256Cbc,
                System.Security.Cryptography.HashAlgorithmName.SHA256, 100_000)));
        var view = await ConnectedAsync(h, "Prod", KeySource.FromFile(encrypted, "key-pass"));

        var missing = await Assert.ThrowsAsync<JwtAuth.Core.Keys.KeyException>(() => EnsureAsync(h, view, refresh: true));
        Assert.Equal("KeyPasswordRequired", missing.ErrorId);

        var renewed = await h.Service.EnsureWorkingTokenAsync(view, true, "key-pass", _ => { }, _ => { }, CancellationToken.None);
        Assert.NotEqual(view.Auth.AccessToken, renewed.Auth.AccessToken);
        Assert.All(h.Files().Values, bytes => Assert.DoesNotContain("key-pass", System.Text.Encoding.UTF8.GetString(bytes)));
    }

    [Fact]
    public async Task Renewal_under_the_org_lock_fails_at_once_on_user_not_approved_and_leaves_the_lock_free()
    {
        await using var h = await ServiceFixture.StartAsync();
        // A scratch org takes the sandbox audience, for which a login would wait up to 5 minutes for replication.
        var username = h.AddUser(OrgKind.Scratch).Username;
        var view = await ConnectedAsync(h, "Scratch", username);
        h.Server.Directory.FindUser(username)!.RevokeAuthorization(h.App);
        var logins = h.Server.TokenRequests.Count;

        var ex = await Assert.ThrowsAsync<JwtAuth.Core.Login.SalesforceAuthException>(() => EnsureAsync(h, view, refresh: true));

        Assert.Equal("UserNotApproved", ex.ErrorId);
        Assert.Equal(TimeSpan.Zero, ex.ReplicationWait);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(logins + 1, h.Server.TokenRequests.Count);
        // Another store user (as another process would be) gets the org lock without waiting.
        using (new JwtAuth.Core.Store.OrgAuthStore(h.StoreDirectory).AcquireOrgLock(username, TimeSpan.FromMilliseconds(200)))
        {
        }
    }

    [Fact]
    public async Task An_unanswerable_check_returns_the_stored_token_with_a_warning()
    {
        await using var h = await ServiceFixture.StartAsync();
        var view = await ConnectedAsync(h, "Prod");
        h.Server.Faults.Enqueue(MockSalesforce.Faults.Fault.Status(503, count: 10));
        var warnings = new List<string>();

        var kept = await EnsureAsync(h, view, refresh: false, warnings);

        Assert.Equal(view.Auth.AccessToken, kept.Auth.AccessToken);
        var warning = Assert.Single(warnings);
        Assert.DoesNotContain(view.Auth.AccessToken!, warning);
    }
}
