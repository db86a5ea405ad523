using System.Net.Http.Headers;
using System.Text.Json;
using MockSalesforce;
using MockSalesforce.Model;
using MockSalesforce.Testing;

namespace JwtAuth.Core.Tests.Mock;

/// <summary>A running mock with one app, a Dev Hub user and a sandbox user, plus an HttpClient to call it.</summary>
internal sealed class MockScenario : IAsyncDisposable
{
    public const string ConsumerKey = "3MVG9mockConsumerKey";

    // One key for all scenarios: RSA generation is the slowest part of a test on a 2-core machine.
    private static readonly Lazy<TestKeyPair> SharedKeys = new(() => TestKeyPair.Create());

    private MockScenario(MockSalesforceServer server, TestKeyPair keys)
    {
        Server = server;
        Keys = keys;
        App = server.AddConnectedApp(ConsumerKey, keys.CertificatePem);
        HubOrg = server.AddOrg(OrgKind.DevHub, name: "Hub");
        HubUser = server.AddUser(HubOrg, "hub@example.com", preAuthorizedFor: App);
        SandboxOrg = server.AddOrg(OrgKind.Sandbox, name: "Sandbox");
        SandboxUser = server.AddUser(SandboxOrg, "admin@example.com.uat", App);
        Http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public MockSalesforceServer Server { get; }
    public TestKeyPair Keys { get; }
    public ConnectedApp App { get; }
    public MockOrg HubOrg { get; }
    public MockUser HubUser { get; }
    public MockOrg SandboxOrg { get; }
    public MockUser SandboxUser { get; }
    public HttpClient Http { get; }

    public static async Task<MockScenario> StartAsync(MockOptions? options = null) =>
        new(await MockSalesforceServer.StartAsync(options), SharedKeys.Value);

    public Task<HttpResponseMessage> PostTokenAsync(string assertion, string grantType = "urn:ietf:params:oauth:grant-type:jwt-bearer") =>
        Http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["assertion"] = assertion,
        }));

    public Task<HttpResponseMessage> PostTokenAsync(object claims) => PostTokenAsync(HandMadeAssertion.Sign(Keys.Key, claims));

    /// <summary>Logs the Dev Hub user in and returns the parsed token response.</summary>
    public async Task<JsonElement> LoginHubAsync()
    {
        using var response = await PostTokenAsync(HandMadeAssertion.Claims(ConsumerKey, HubUser.Username, Audiences.Production));
        Assert.Equal(200, (int)response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await Http.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
