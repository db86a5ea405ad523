using System.Net;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Mock;

public class ConcurrencyTests
{
    [Fact]
    public async Task ParallelLoginsEachGetTheirOwnWorkingToken()
    {
        await using var mock = await MockFixture.StartAsync();
        var users = Enumerable.Range(0, 40).Select(i => mock.Server.AddUser(mock.HubOrg, $"bulk{i}@example.com", mock.App)).ToArray();

        var tokens = await Task.WhenAll(users.Select(async user =>
        {
            using var response = await mock.PostTokenAsync(HandMadeAssertion.Claims(MockFixture.ClientId, user.Username, Audiences.Production));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await MockFixture.ReadJsonAsync(response)).GetProperty("access_token").GetString()!;
        }));

        Assert.Equal(users.Length, tokens.Distinct().Count());
        Assert.Equal(users.Length, mock.Server.TokenRequests.Count);
        foreach (var (user, token) in users.Zip(tokens))
        {
            using var userInfo = await mock.GetAsync("/services/oauth2/userinfo", token);
            Assert.Equal(user.Username, (await MockFixture.ReadJsonAsync(userInfo)).GetProperty("preferred_username").GetString());
        }
    }
}
