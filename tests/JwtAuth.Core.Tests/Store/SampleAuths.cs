using JwtAuth.Core.Model;

namespace JwtAuth.Core.Tests.Store;

internal static class SampleAuths
{
    /// <summary>A complete auth with a file key reference; tokens are made-up strings, never real ones.</summary>
    public static OrgAuth For(string username, string? token = null, string? alias = null, OrgType type = OrgType.Production) => new()
    {
        Username = username,
        OrgId = "00D5g000004SAMPLE",
        UserId = "0055g00000USERID",
        Alias = alias,
        OrgType = type,
        InstanceUrl = "https://example.my.salesforce.com",
        LoginUrl = "https://login.salesforce.com",
        Audience = "https://login.salesforce.com",
        ClientId = "3MVG9sampleConsumerKey",
        Key = KeyReference.File("/home/ci/keys/server.key"),
        IdUrl = "https://login.salesforce.com/id/00D5g000004SAMPLE/0055g00000USERID",
        IssuedAt = new DateTimeOffset(2026, 11, 22, 7, 30, 15, 123, TimeSpan.Zero),
        ApiVersion = "62.0",
        OrgName = "Sample Org",
        InstanceName = "NA123",
        AccessToken = token ?? "00D5g000004SAMPLE!AQ4AQ" + Guid.NewGuid().ToString("N"),
    };
}
