using JwtAuth.Core.Login;
using JwtAuth.Core.Model;
using JwtAuth.Core.OrgApi;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Fixtures;

/// <summary>An org of the mock signed into through the login client (see <see cref="MockFixture.SignInAsync"/>), and the org API client for its token.</summary>
internal sealed class SignedInOrg
{
    private readonly SalesforceLoginClient _client;

    public SignedInOrg(MockUser user, OrgAuth auth, SalesforceLoginClient client)
    {
        _client = client;
        User = user;
        Auth = auth;
        Api = ApiWith(auth.AccessToken!);
    }

    /// <summary>The signed-in user; <c>User.Org</c> is the org.</summary>
    public MockUser User { get; }
    public OrgAuth Auth { get; }
    public OrgApiClient Api { get; }

    /// <summary>The same org's API with another token (a dead one, say).</summary>
    public OrgApiClient ApiWith(string accessToken) => _client.OrgApiFor(Auth.InstanceUrl, Auth.ApiVersion!, accessToken);
}
