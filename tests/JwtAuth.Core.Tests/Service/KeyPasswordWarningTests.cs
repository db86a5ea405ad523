using JwtAuth.Core.Service;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Service;

/// <summary>A key password that opened nothing is a warning, once per key, and the connect or renewal still works.</summary>
public class KeyPasswordWarningTests
{
    [Fact]
    public async Task A_password_for_an_unencrypted_key_file_is_one_warning_for_every_org_that_uses_it()
    {
        await using var h = await ServiceHarness.StartAsync();
        var key = KeySource.FromFile(h.KeyFile, "unneeded");
        var requests = Enumerable.Range(0, 3).Select(_ => h.Request(h.AddUser(OrgKind.Production), key)).ToList();

        var results = await h.ConnectAsync(requests, 3);

        Assert.All(results, r => Assert.Null(r.Error));
        var warning = Assert.Single(h.Warnings);
        Assert.Contains(h.KeyFile, warning);
        Assert.Contains("not encrypted", warning);
        Assert.Contains("-KeyPassword", warning);
    }

    [Fact]
    public async Task Key_text_given_with_a_password_it_does_not_need_is_a_warning_too()
    {
        await using var h = await ServiceHarness.StartAsync();
        var result = Assert.Single(await h.ConnectAsync(h.Request(h.AddUser(OrgKind.Production), KeySource.FromText(h.Keys.RsaPrivateKeyPem, "unneeded"))));
        Assert.Null(result.Error);
        Assert.StartsWith("The key text is not encrypted", Assert.Single(h.Warnings));
    }

    [Fact]
    public async Task A_password_that_decrypts_the_key_is_no_warning()
    {
        await using var h = await ServiceHarness.StartAsync();
        var encrypted = h.Folder.File("encrypted.key");
        File.WriteAllText(encrypted, h.Keys.Key.ExportEncryptedPkcs8PrivateKeyPem("right",
            new System.Security.Cryptography.PbeParameters(System.Security.Cryptography.PbeEncryptionAlgorithm.Aes256Cbc,
                System.Security.Cryptography.HashAlgorithmName.SHA256, 10_000)));

        var result = Assert.Single(await h.ConnectAsync(h.Request(h.AddUser(OrgKind.Production), KeySource.FromFile(encrypted, "right"))));

        Assert.Null(result.Error);
        Assert.Empty(h.Warnings);
    }

    [Fact]
    public async Task A_renewal_that_loads_an_unencrypted_key_with_a_password_warns()
    {
        await using var h = await ServiceHarness.StartAsync();
        Assert.Null(Assert.Single(await h.ConnectAsync(h.Request(h.AddUser(OrgKind.Production), alias: "Prod"))).Error);
        var view = Assert.Single(h.Service.List(new[] { "Prod" }, false, false).Auths);
        var warnings = new List<string>();

        var renewed = await h.Service.EnsureWorkingTokenAsync(view, forceRefresh: true, "unneeded", _ => { }, w => { lock (warnings) warnings.Add(w); },
            CancellationToken.None);

        Assert.NotEqual(view.Auth.AccessToken, renewed.Auth.AccessToken);
        Assert.Contains(h.KeyFile, Assert.Single(warnings));
    }
}
