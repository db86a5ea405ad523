using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Login;

public class ConnectionReuseTests
{
    [Fact]
    public async Task One_client_reuses_one_connection_for_sequential_logins_and_a_new_client_opens_its_own()
    {
        await using var sf = await MockFixture.StartAsync();
        await using var forwarder = new CountingForwarder(new Uri(sf.Server.BaseUrl).Port);
        var org = sf.Server.AddOrg(OrgKind.Production, instanceUrl: forwarder.BaseUrl);
        var users = Enumerable.Range(0, 3).Select(i => sf.Server.AddUser(org, $"reuse{i}@example.com", sf.App)).ToList();

        // Sequential requests only (no concurrent detail queries), so one pooled connection serves them all.
        using (var client = sf.Client(o => o.FetchOrgDetails = false))
        {
            foreach (var user in users)
            {
                var request = sf.LoginRequest(user);
                request.LoginUrl = forwarder.BaseUrl;
                Assert.Equal(org.Id, (await sf.LoginAsync(client, request)).OrgId);
            }
        }

        Assert.Equal(3, sf.Server.TokenRequests.Count);
        Assert.Equal(1, forwarder.Connections);

        using (var another = sf.Client(o => o.FetchOrgDetails = false))
        {
            var request = sf.LoginRequest(users[0]);
            request.LoginUrl = forwarder.BaseUrl;
            await sf.LoginAsync(another, request);
        }

        Assert.Equal(2, forwarder.Connections);
    }
}
