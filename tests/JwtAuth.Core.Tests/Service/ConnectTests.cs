using System.Text;
using JwtAuth.Core.Model;
using JwtAuth.Core.Service;
using JwtAuth.Core.Store;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Service;

public class ConnectTests
{
    [Fact]
    public async Task Connects_stores_and_marks_the_org()
    {
        await using var h = await ServiceHarness.StartAsync();
        var hub = h.AddUser(OrgKind.DevHub);
        var request = h.Request(hub, alias: "HubOrg");
        request.SetDefaultDevHub = true;

        var result = Assert.Single(await h.ConnectAsync(request));

        Assert.Null(result.Error);
        Assert.Equal(OrgType.DevHub, result.View!.Auth.OrgType);
        Assert.True(result.View.IsDefaultDevHub);
        Assert.Equal(KeyReference.File(h.KeyFile).KeyFile, result.View.Auth.Key.KeyFile);
        var stored = new OrgAuthStore(h.StoreDirectory).Find("HubOrg");
        Assert.NotNull(stored);
        Assert.Equal(result.View.Auth.AccessToken, stored!.Auth.AccessToken);
        Assert.True(stored.IsDefaultDevHub);
    }

    [Fact]
    public async Task Bulk_connect_loads_a_key_once_and_reports_each_org_with_failures_alone()
    {
        await using var h = await ServiceHarness.StartAsync();
        var scratch = Enumerable.Range(0, 6).Select(_ => h.AddUser(OrgKind.Scratch)).ToList();
        var requests = scratch.Select(u => h.Request(u)).Append(h.Request("nobody@example.com")).ToList();

        var results = await h.ConnectAsync(requests, 3);

        Assert.Equal(7, results.Count);
        Assert.All(results.Where(r => r.Username != "nobody@example.com"), r => Assert.Equal(OrgType.Scratch, r.View!.Auth.OrgType));
        var failure = Assert.Single(results, r => r.Error != null);
        Assert.Equal("nobody@example.com", failure.Username);
        Assert.Single(h.Verbose, m => m.StartsWith("Signing with", StringComparison.Ordinal));
        Assert.Equal(6, h.Persisted.ReadAll().Auths.Count);
    }

    [Fact]
    public void The_cmdlets_services_share_one_client_whatever_their_timeout()
    {
        var quick = OrgAuthService.ForCurrentUser(TimeSpan.FromSeconds(5));
        var patient = OrgAuthService.ForCurrentUser(TimeSpan.FromSeconds(600));

        Assert.Same(quick.LoginClient, patient.LoginClient);
    }

    [Fact]
    public async Task Each_service_sends_its_own_request_timeout_over_the_one_client()
    {
        await using var h = await ServiceHarness.StartAsync();
        var hurried = new OrgAuthService(h.Client, h.Persisted, h.Process, () => new JwtAuth.Core.SfCli.SfCliPaths(h.SfCliHome),
            TimeSpan.FromMilliseconds(500));
        var user = h.AddUser(OrgKind.Production);
        h.Server.Faults.Enqueue(MockSalesforce.Faults.Fault.Delay(3_000, count: 1, path: "/services/oauth2/token"));

        var results = new List<ConnectResult>();
        await hurried.ConnectAsync(new[] { h.Request(user) }, 1, results.Add, _ => { }, _ => { }, CancellationToken.None);

        Assert.Equal("RequestTimedOut", Assert.IsAssignableFrom<Errors.JwtAuthException>(Assert.Single(results).Error).ErrorId);
        h.Server.Faults.Enqueue(MockSalesforce.Faults.Fault.Delay(1_500, count: 1, path: "/services/oauth2/token"));
        Assert.Null(Assert.Single(await h.ConnectAsync(h.Request(user))).Error);
    }

    [Fact]
    public async Task A_key_that_cannot_be_loaded_fails_every_org_that_names_it_without_a_request()
    {
        await using var h = await ServiceHarness.StartAsync();
        var missing = KeySource.FromFile(h.Folder.File("missing.key"), null);
        var results = await h.ConnectAsync(new[] { h.Request(h.AddUser(OrgKind.Production), missing), h.Request(h.AddUser(OrgKind.Production), missing) }, 2);

        Assert.All(results, r => Assert.Equal("KeyFileNotFound", Assert.IsAssignableFrom<Errors.JwtAuthException>(r.Error).ErrorId));
        Assert.Empty(h.Server.TokenRequests);
    }

    [Fact]
    public async Task Process_scope_stays_out_of_the_user_store()
    {
        await using var h = await ServiceHarness.StartAsync();
        var request = h.Request(h.AddUser(OrgKind.Production), alias: "Ephemeral");
        request.ProcessScope = true;

        Assert.Null(Assert.Single(await h.ConnectAsync(request)).Error);

        Assert.Empty(h.Persisted.ReadAll().Auths);
        var listed = Assert.Single(h.Service.List(new[] { "Ephemeral" }, false, false).Auths);
        Assert.Equal(JwtAuth.Core.Store.OrgAuthScope.Process, listed.Scope);
    }

    [Fact]
    public async Task A_failed_reconnect_keeps_the_stored_auth_byte_for_byte()
    {
        await using var h = await ServiceHarness.StartAsync();
        var user = h.AddUser(OrgKind.Production);
        Assert.Null(Assert.Single(await h.ConnectAsync(h.Request(user, alias: "Prod"))).Error);
        var before = h.Files();

        var wrongClient = h.Request(user, alias: "Prod");
        wrongClient.ClientId = "not-the-app";
        var result = Assert.Single(await h.ConnectAsync(wrongClient));

        Assert.Equal("InvalidClientId", Assert.IsAssignableFrom<Errors.JwtAuthException>(result.Error).ErrorId);
        var after = h.Files();
        Assert.Equal(before.Keys.OrderBy(k => k), after.Keys.OrderBy(k => k));
        Assert.All(before, f => Assert.Equal(f.Value, after[f.Key]));
    }

    [Fact]
    public async Task Registering_with_the_cli_is_refused_before_login_for_an_in_memory_key()
    {
        await using var h = await ServiceHarness.StartAsync();
        var request = h.Request(h.AddUser(OrgKind.DevHub), KeySource.FromText(h.Keys.PrivateKeyPem, null));
        request.RegisterWithSfCli = true;

        var result = Assert.Single(await h.ConnectAsync(request));

        Assert.Equal("SfCliKeyInMemory", Assert.IsAssignableFrom<Errors.JwtAuthException>(result.Error).ErrorId);
        Assert.Empty(h.Server.TokenRequests);
        Assert.Empty(h.Files());
    }

    [Fact]
    public async Task Registering_with_the_cli_writes_a_token_free_auth_file()
    {
        await using var h = await ServiceHarness.StartAsync();
        var hub = h.AddUser(OrgKind.DevHub);
        var request = h.Request(hub, alias: "HubOrg");
        request.RegisterWithSfCli = true;

        var result = Assert.Single(await h.ConnectAsync(request));

        Assert.Null(result.Error);
        var authFile = File.ReadAllText(Path.Combine(h.SfCliHome, ".sfdx", hub + ".json"));
        Assert.Contains("\"privateKey\": \"" + h.KeyFile + "\"", authFile);
        Assert.Contains("\"loginUrl\": \"" + h.Server.BaseUrl + "\"", authFile);
        Assert.DoesNotContain("accessToken", authFile);
        Assert.DoesNotContain(result.View!.Auth.AccessToken!, authFile);
        Assert.Contains("HubOrg", File.ReadAllText(Path.Combine(h.SfCliHome, ".sfdx", "alias.json")));
    }

    [Fact]
    public async Task Same_key_text_for_many_orgs_is_parsed_once_and_never_reaches_any_message()
    {
        await using var h = await ServiceHarness.StartAsync();
        var pem = h.Keys.PrivateKeyPem;
        var requests = Enumerable.Range(0, 3).Select(_ => h.Request(h.AddUser(OrgKind.Production), KeySource.FromText(pem, null))).ToList();

        var results = await h.ConnectAsync(requests, 3);

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Single(h.Verbose, m => m.StartsWith("Signing with", StringComparison.Ordinal));
        var body = pem.Split('\n')[1];
        Assert.DoesNotContain(h.Verbose, m => m.Contains(body, StringComparison.Ordinal));
        Assert.All(h.Files().Values, bytes => Assert.DoesNotContain(body, Encoding.UTF8.GetString(bytes)));
    }
}
