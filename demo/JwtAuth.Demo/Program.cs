using System.Diagnostics;
using System.Net.Http.Headers;
using JwtAuth.Core.Service;
using MockSalesforce;
using MockSalesforce.Model;

// The seeds' two scenarios, end to end, against a local mock Salesforce on 127.0.0.1:
// make the key and certificate, connect the Dev Hub, then connect its scratch orgs in bulk
// through the Dev Hub's connected app, and use a stored token.
var scratchCount = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 12;
var work = Directory.CreateTempSubdirectory("jwtauth-demo-");
Environment.SetEnvironmentVariable("JWTAUTH_HOME", Path.Combine(work.FullName, "store"));
try
{
    Step("1. New-SfCertificate: an RSA key and a self-signed certificate for the Connected App");
    var certificate = CertificateService.Create(new CertificateCreationRequest { Directory = work.FullName, CommonName = "JwtAuth Demo" }).Files;
    Console.WriteLine($"   key  {certificate.KeyPath} (owner-only)\n   cert {certificate.CertificatePath}\n   thumbprint {certificate.Thumbprint}, valid until {certificate.NotAfter:yyyy-MM-dd}");

    Step("2. A mock Salesforce with a Dev Hub whose Connected App has that certificate ('Use digital signatures')");
    await using var salesforce = await MockSalesforceServer.StartAsync(new MockOptions { LatencyMs = 100 });
    var app = salesforce.AddConnectedApp("3MVG9DemoConsumerKey", await File.ReadAllTextAsync(certificate.CertificatePath));
    var hub = salesforce.AddOrg(OrgKind.DevHub, name: "Demo Hub");
    salesforce.AddUser(hub, "admin@demo-hub.example.com", app);
    var scratchUsers = Enumerable.Range(1, scratchCount).Select(i =>
    {
        var org = salesforce.AddOrg(OrgKind.Scratch, name: $"Scratch {i}", devHub: hub);
        // The last one was created seconds ago: its user has not replicated yet.
        salesforce.AddScratchUser(org, $"test-{i}@scratch.example.com", app, i == scratchCount ? TimeSpan.FromSeconds(3) : null);
        return $"test-{i}@scratch.example.com";
    }).ToList();
    Console.WriteLine($"   {salesforce.BaseUrl}  (1 Dev Hub, {scratchCount} scratch orgs, 100 ms server latency)");

    var service = OrgAuthService.ForCurrentUser(TimeSpan.FromSeconds(30));
    var key = KeySource.FromFile(certificate.KeyPath, null);

    Step("3. Connect-SfOrgJwt: the Dev Hub, with the login audience");
    await Connect(service, new[] { new ConnectRequest { ClientId = "3MVG9DemoConsumerKey", Username = "admin@demo-hub.example.com", LoginUrl = salesforce.BaseUrl, Alias = "HubOrg", SetDefaultDevHub = true, Key = key } }, 1);

    Step($"4. Connect-SfOrgJwt: {scratchCount} scratch orgs at once, through the Dev Hub's app and key (test audience)");
    var clock = Stopwatch.StartNew();
    await Connect(service, scratchUsers.Select((u, i) => new ConnectRequest
    {
        ClientId = "3MVG9DemoConsumerKey", Username = u, LoginUrl = salesforce.BaseUrl, Audience = "https://test.salesforce.com",
        Alias = $"scratch{i + 1}", Key = key,
    }).ToList(), 16);
    Console.WriteLine($"   {scratchCount} orgs in {clock.Elapsed.TotalSeconds:0.0} s (each exchange pays 100 ms; the last org waited for replication)");

    Step("5. Get-SfOrgAuth: what is stored, and a working token for a script");
    foreach (var view in service.List(null, false, false).Auths.OrderBy(v => v.Auth.Username).Take(4))
        Console.WriteLine($"   {view.Auth.Alias,-10} {view.Auth.Username,-32} {view.Auth.OrgType,-8} {view.Auth.OrgId}{(view.IsDefaultDevHub ? "  (default Dev Hub)" : "")}");
    Console.WriteLine($"   ... {service.List(null, false, false).Auths.Count} in all, stored under {Environment.GetEnvironmentVariable("JWTAUTH_HOME")} with the tokens encrypted");
    var hubAuth = service.List(new[] { "HubOrg" }, false, false).Auths.Single();
    var working = await service.EnsureWorkingTokenAsync(hubAuth, false, null, _ => { }, w => Console.WriteLine("   warning: " + w), CancellationToken.None);
    using var http = new HttpClient();
    using var call = new HttpRequestMessage(HttpMethod.Get, $"{working.Auth.InstanceUrl}/services/oauth2/userinfo");
    call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", working.Auth.AccessToken);
    using var reply = await http.SendAsync(call);
    Console.WriteLine($"   GET /services/oauth2/userinfo with HubOrg's stored token: HTTP {(int)reply.StatusCode}");
    Console.WriteLine("\nDone. With PowerShell: Import-Module ./out/JwtAuth, then the same steps are New-SfCertificate, Connect-SfOrgJwt, Get-SfOrgAuth (see README).");
    return reply.IsSuccessStatusCode ? 0 : 1;
}
finally
{
    work.Delete(recursive: true);
}

static void Step(string title) => Console.WriteLine("\n" + title);

static async Task Connect(OrgAuthService service, IReadOnlyList<ConnectRequest> requests, int throttle)
{
    await service.ConnectAsync(requests, throttle,
        result => Console.WriteLine(result.Error is null
            ? $"   connected {result.Username,-32} {result.View!.Auth.OrgType,-8} {result.View.Auth.OrgId}"
            : $"   FAILED    {result.Username}: {result.Error.Message}"),
        verbose => { if (verbose.Contains("replicat", StringComparison.OrdinalIgnoreCase)) Console.WriteLine("   ... " + verbose); },
        CancellationToken.None);
}
