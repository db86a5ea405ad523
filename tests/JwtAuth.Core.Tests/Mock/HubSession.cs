using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Mock;

/// <summary>A Dev Hub user's REST session against a mock (in-process or standalone), with the CLI's scratch org calls.</summary>
internal sealed class HubSession
{
    public const string Api = "/services/data/v65.0";

    private HubSession(HttpClient http, string accessToken)
    {
        Http = http;
        AccessToken = accessToken;
    }

    public HttpClient Http { get; }
    public string AccessToken { get; }

    public static async Task<HubSession> LoginAsync(MockFixture mock) =>
        new(mock.Http, (await mock.LoginHubAsync()).GetProperty("access_token").GetString()!);

    public static HubSession WithToken(HttpClient http, string accessToken) => new(http, accessToken);

    /// <summary>What the CLI sends for a definition file {"edition":"Developer","features":["API","AuthorApex"]}.</summary>
    public static Dictionary<string, object?> Definition(string? username = null, string? consumerKey = MockFixture.ClientId, int durationDays = 7)
    {
        var body = new Dictionary<string, object?>
        {
            ["OrgName"] = "Company",
            ["Edition"] = "Developer",
            ["Features"] = "API;AuthorApex",
            ["DurationDays"] = durationDays,
            ["ConnectedAppConsumerKey"] = consumerKey,
            ["ConnectedAppCallbackUrl"] = "http://localhost:1717/OauthRedirect",
        };
        if (username is not null) body["Username"] = username;
        if (consumerKey is null) body.Remove("ConnectedAppConsumerKey");
        return body;
    }

    public Task<HttpResponseMessage> InsertAsync(object body) => InsertRawAsync(JsonSerializer.Serialize(body));

    public Task<HttpResponseMessage> InsertRawAsync(string json) =>
        SendAsync(HttpMethod.Post, Api + "/sobjects/ScratchOrgInfo", new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Inserts and returns the new ScratchOrgInfo id (asserting Salesforce's 201 answer).</summary>
    public async Task<string> InsertOkAsync(object body)
    {
        using var response = await InsertAsync(body);
        var json = await MockFixture.ReadJsonAsync(response);
        Assert.Equal(201, (int)response.StatusCode);
        Assert.True(json.GetProperty("success").GetBoolean());
        Assert.Equal(0, json.GetProperty("errors").GetArrayLength());
        string id = json.GetProperty("id").GetString()!;
        Assert.True(SalesforceId.IsValid(id, "2SR"), id);
        return id;
    }

    public async Task<JsonElement> GetInfoAsync(string id, string? fields = null) =>
        await GetOkAsync($"{Api}/sobjects/ScratchOrgInfo/{id}" + (fields is null ? "" : "?fields=" + Uri.EscapeDataString(fields)));

    public async Task<JsonElement> QueryAsync(string soql) => await GetOkAsync($"{Api}/query?q={Uri.EscapeDataString(soql)}");

    public async Task<JsonElement> LimitsAsync() => await GetOkAsync(Api + "/limits");

    public async Task<JsonElement> GetOkAsync(string pathAndQuery)
    {
        using var response = await SendAsync(HttpMethod.Get, pathAndQuery);
        var json = await MockFixture.ReadJsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"GET {pathAndQuery} -> {(int)response.StatusCode} {json}");
        return json;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return await Http.SendAsync(request);
    }

    /// <summary>A JWT bearer login posted to <paramref name="loginUrl"/> (a LoginUrl from ScratchOrgInfo), as the CLI does for a new org.</summary>
    public static Task<HttpResponseMessage> LoginAtAsync(HttpClient http, string loginUrl, string assertion) =>
        http.PostAsync(new Uri(loginUrl + "/services/oauth2/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = assertion,
        }));

    /// <summary>The single REST error of a 4xx answer.</summary>
    public static async Task<JsonElement> SingleErrorAsync(HttpResponseMessage response, int status)
    {
        var json = await MockFixture.ReadJsonAsync(response);
        Assert.Equal(status, (int)response.StatusCode);
        return Assert.Single(json.EnumerateArray());
    }
}
