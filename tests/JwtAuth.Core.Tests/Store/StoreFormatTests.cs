using System.Text;
using JwtAuth.Core.Model;
using JwtAuth.Core.Store;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Tests.Store;

/// <summary>
/// The store documents are written and read by hand (StoreFormat). Format version 1 is what Newtonsoft's serializer made of
/// the documents' [JsonProperty] attributes with the settings below, which is how earlier releases wrote and read every file:
/// these tests hold the hand-written code to that, byte for byte and field for field. A field added to a document's
/// attributes but not to its WriteTo and Read fails them.
/// </summary>
public sealed class StoreFormatTests
{
    private const string Path = "/store/orgs/admin@example.com.json";

    // The serializer earlier releases wrote and read the store with (StoreFormat before the hand-written documents).
    private static readonly JsonSerializer ReleaseOneSerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateParseHandling = DateParseHandling.None,
        NullValueHandling = NullValueHandling.Include,
        Formatting = Formatting.Indented,
    });

    private static byte[] ReleaseOneBytes(object document)
    {
        var builder = new StringBuilder();
        using (var writer = new StringWriter(builder)) ReleaseOneSerializer.Serialize(writer, document);
        builder.Append('\n');
        return new UTF8Encoding(false).GetBytes(builder.ToString());
    }

    private static T ReleaseOneRead<T>(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader).ToObject<T>(ReleaseOneSerializer)!;
    }

    // Two documents hold the same fields when the release-one serializer writes them alike.
    private static string Fields(object document) => Encoding.UTF8.GetString(ReleaseOneBytes(document));

    public static TheoryData<string> OrgDocuments() => new()
    {
        "full", "certificate", "no key or token", "nulls", "scratch org", "scratch org, dates unknown",
    };

    private static OrgAuthDocument OrgDocument(string kind)
    {
        var auth = SampleAuths.For("Admin@Example.com", token: "not-a-real-token");
        auth.TrialExpirationDate = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(2));
        auth.NamespacePrefix = "acme \"quoted\" \u00e9\u4e2d";
        switch (kind)
        {
            case "certificate":
                auth.Key = KeyReference.Store("0123456789ABCDEF0123456789ABCDEF01234567", @"CurrentUser\My");
                break;
            case "scratch org":
                auth.ScratchOrg = new ScratchOrgOrigin
                {
                    DevHubUsername = "hub@example.com", ScratchOrgInfoId = "2SR000000000001AAA", ExpirationDate = new DateTime(2026, 12, 8),
                    CreatedDate = new DateTimeOffset(2026, 12, 1, 9, 15, 0, TimeSpan.Zero), SignupInstance = "CS42",
                };
                break;
            case "scratch org, dates unknown":
                auth.ScratchOrg = new ScratchOrgOrigin { DevHubUsername = "hub@example.com" };
                break;
            case "no key or token":
                auth.Key = KeyReference.None();
                return OrgAuthDocument.From(auth, null, 7);
            case "nulls":
                var nulls = OrgAuthDocument.From(auth, null, 0);
                nulls.OrgId = nulls.UserId = nulls.IdUrl = nulls.ApiVersion = nulls.OrgName = nulls.InstanceName = nulls.NamespacePrefix = null;
                nulls.TrialExpirationDate = null;
                nulls.Key = null;
                return nulls;
        }

        var document = OrgAuthDocument.From(auth, new ProtectedToken { Scheme = "aes-256-gcm", Data = "AAECAwQF" }, 3);
        document.SavedAt = new DateTimeOffset(2026, 11, 22, 7, 30, 15, 456, TimeSpan.FromHours(-5)).AddTicks(1234);
        return document;
    }

    [Theory]
    [MemberData(nameof(OrgDocuments))]
    public void Org_file_bytes_are_the_ones_release_one_wrote(string kind)
    {
        var document = OrgDocument(kind);

        Assert.Equal(Encoding.UTF8.GetString(ReleaseOneBytes(document)), Encoding.UTF8.GetString(StoreFormat.Serialize(document)));
        Assert.Equal(ReleaseOneBytes(document), StoreFormat.Serialize(document));
    }

    [Theory]
    [MemberData(nameof(OrgDocuments))]
    public void Org_file_reads_back_every_field(string kind)
    {
        var document = OrgDocument(kind);

        var back = StoreFormat.Deserialize(Path, StoreFormat.Serialize(document), OrgAuthDocument.Read);

        Assert.Equal(Fields(document), Fields(back));
    }

    [Fact]
    public void Settings_bytes_are_the_ones_release_one_wrote_and_read_back()
    {
        var index = new OrgIndex { DefaultOrg = "admin@example.com", DefaultDevHub = "hub@example.com" };
        index.SetAlias("prod", "admin@example.com");
        index.SetAlias("hub", "hub@example.com");
        index.SetAlias("production", "admin@example.com");

        foreach (var document in new[] { SettingsDocument.From(index), SettingsDocument.From(new OrgIndex()), new SettingsDocument() })
        {
            Assert.Equal(ReleaseOneBytes(document), StoreFormat.Serialize(document));
            var back = StoreFormat.Deserialize("/store/settings.json", StoreFormat.Serialize(document), SettingsDocument.Read);
            Assert.Equal(Fields(document), Fields(back));
        }
    }

    // Files as an earlier release or a hand edit may have left them: every one reads as release one read it.
    public static TheoryData<string> AcceptedOrgFiles() => new()
    {
        // As docs/store.md shows it, on one line per group of fields.
        """
        { "version": 1, "revision": 3, "username": "admin@example.com",
          "orgId": "00D...", "userId": "005...", "orgType": "Production",
          "instanceUrl": "https://example.my.salesforce.com", "loginUrl": "https://login.salesforce.com", "audience": "https://login.salesforce.com",
          "clientId": "3MVG9...", "key": { "kind": "File", "keyFile": "/home/ci/keys/server.key" },
          "idUrl": "https://login.salesforce.com/id/00D.../005...", "issuedAt": "2026-11-22T07:30:15.123+00:00",
          "apiVersion": "62.0", "orgName": "Acme", "instanceName": "NA123", "namespacePrefix": null, "trialExpirationDate": null,
          "accessToken": { "scheme": "aes-256-gcm", "data": "AAECAwQF" }, "savedAt": "2026-11-22T07:30:15.456+00:00" }
        """,
        // Only what a reader needs; everything else keeps its default.
        """{ "version": 1, "username": "admin@example.com" }""",
        // Fields of a later 1.x release are ignored.
        """{ "version": 1, "username": "admin@example.com", "devHub": "hub@example.com", "later": { "a": [1, 2] } }""",
        // Values of another kind that the serializer converted.
        """{ "version": 1, "revision": "12", "username": "admin@example.com", "orgId": 42, "orgName": true, "apiVersion": 62.5, "trialExpirationDate": "" }""",
        """{ "version": 1, "revision": 4.0, "username": "admin@example.com", "key": { "keyFile": "/k" }, "accessToken": { "data": null } }""",
        """{ "version": 1, "username": "admin@example.com", "key": { "kind": null }, "issuedAt": "2026-11-22T07:30:15Z", "savedAt": "2026-11-22 07:30" }""",
        """{ "version": 1, "username": null }""",
    };

    [Theory]
    [MemberData(nameof(AcceptedOrgFiles))]
    public void Org_file_fields_read_as_release_one_read_them(string json)
    {
        var ours = StoreFormat.Deserialize(Path, Encoding.UTF8.GetBytes(json), OrgAuthDocument.Read);

        Assert.Equal(Fields(ReleaseOneRead<OrgAuthDocument>(json)), Fields(ours));
    }

    // Values the serializer refused: the file is reported corrupt, as it was.
    public static TheoryData<string> RefusedOrgFiles() => new()
    {
        """{ "version": 1, "username": { "a": 1 } }""",
        """{ "version": 1, "username": "a@example.com", "orgId": ["00D"] }""",
        """{ "version": 1, "username": "a@example.com", "revision": "twelve" }""",
        """{ "version": 1, "username": "a@example.com", "revision": null }""",
        """{ "version": 1, "username": "a@example.com", "revision": {} }""",
        """{ "version": 1, "username": "a@example.com", "issuedAt": null }""",
        """{ "version": 1, "username": "a@example.com", "issuedAt": "" }""",
        """{ "version": 1, "username": "a@example.com", "issuedAt": "yesterday" }""",
        """{ "version": 1, "username": "a@example.com", "trialExpirationDate": 20261201 }""",
        """{ "version": 1, "username": "a@example.com", "key": "File" }""",
        """{ "version": 1, "username": "a@example.com", "key": { "kind": [] } }""",
        """{ "version": 1, "username": "a@example.com", "accessToken": 7 }""",
        """{ "version": 1, "username": "a@example.com", "accessToken": { "data": {} } }""",
    };

    [Theory]
    [MemberData(nameof(RefusedOrgFiles))]
    public void Org_file_fields_release_one_refused_make_the_file_corrupt(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ReleaseOneRead<OrgAuthDocument>(json));

        var error = Assert.Throws<StoreException>(() => StoreFormat.Deserialize(Path, Encoding.UTF8.GetBytes(json), OrgAuthDocument.Read));

        Assert.Equal(StoreErrorIds.FileCorrupt, error.ErrorId);
        Assert.Contains(Path, error.Message);
    }

    [Theory]
    [InlineData("""{ "version": 1, "defaultOrg": "a@example.com", "aliases": { "prod": "a@example.com", "x": null } }""")]
    [InlineData("""{ "version": 1, "defaultDevHub": 5, "aliases": null }""")]
    [InlineData("""{ "version": 1 }""")]
    public void Settings_fields_read_as_release_one_read_them(string json)
    {
        var ours = StoreFormat.Deserialize("/store/settings.json", Encoding.UTF8.GetBytes(json), SettingsDocument.Read);

        Assert.Equal(Fields(ReleaseOneRead<SettingsDocument>(json)), Fields(ours));
    }

    [Theory]
    [InlineData("""{ "version": 1, "aliases": "prod" }""")]
    [InlineData("""{ "version": 1, "aliases": ["prod"] }""")]
    [InlineData("""{ "version": 1, "defaultOrg": {} }""")]
    public void Settings_fields_release_one_refused_make_the_file_corrupt(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ReleaseOneRead<SettingsDocument>(json));

        var error = Assert.Throws<StoreException>(() =>
            StoreFormat.Deserialize("/store/settings.json", Encoding.UTF8.GetBytes(json), SettingsDocument.Read));

        Assert.Equal(StoreErrorIds.FileCorrupt, error.ErrorId);
    }
}
