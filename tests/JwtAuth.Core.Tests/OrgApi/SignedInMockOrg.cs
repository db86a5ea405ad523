using JwtAuth.Core.Login;
using JwtAuth.Core.Model;
using JwtAuth.Core.OrgApi;
using JwtAuth.Core.Tests.Login;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.OrgApi;

/// <summary>A running mock with one org signed into through the login client, and the org API client for its token.</summary>
internal sealed class SignedInMockOrg : IAsyncDisposable
{
    private SignedInMockOrg(MockFixture mock, MockUser user, SalesforceLoginClient client, OrgAuth auth)
    {
        Mock = mock;
        User = user;
        Client = client;
        Auth = auth;
        Api = ApiWith(auth.AccessToken!);
    }

    public MockFixture Mock { get; }

    /// <summary>The signed-in user; <c>User.Org</c> is the org.</summary>
    public MockUser User { get; }
    public SalesforceLoginClient Client { get; }
    public OrgAuth Auth { get; }
    public OrgApiClient Api { get; }

    public static async Task<SignedInMockOrg> StartAsync(OrgKind kind)
    {
        var mock = await MockFixture.StartAsync();
        var client = mock.Client();
        var user = mock.AddUser(kind);
        var auth = await mock.LoginAsync(client, mock.LoginRequest(user));
        return new SignedInMockOrg(mock, user, client, auth);
    }

    /// <summary>The same org's API with another token (a dead one, say).</summary>
    public OrgApiClient ApiWith(string accessToken) => Client.OrgApiFor(Auth.InstanceUrl, Auth.ApiVersion!, accessToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Mock.DisposeAsync();
    }
}
