using System;
using System.Globalization;
using JwtAuth.Core.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// The JSON of one org file, <c>orgs/&lt;username&gt;.json</c>, format version 1. The token is only ever in protected form.
    /// The attributes name each field of the format; <see cref="WriteTo"/> and <see cref="Read"/> write and read them by hand
    /// (see <see cref="StoreFormat"/>), and a test holds both to what Newtonsoft's serializer does with the attributes.
    /// </summary>
    internal sealed class OrgAuthDocument : IStoreDocument
    {
        [JsonProperty("version")] public int Version { get; set; } = StoreFormat.CurrentVersion;
        [JsonProperty("revision")] public long Revision { get; set; }
        [JsonProperty("username")] public string Username { get; set; } = string.Empty;
        [JsonProperty("orgId")] public string? OrgId { get; set; }
        [JsonProperty("userId")] public string? UserId { get; set; }
        [JsonProperty("orgType")] public string? OrgType { get; set; }
        [JsonProperty("instanceUrl")] public string? InstanceUrl { get; set; }
        [JsonProperty("loginUrl")] public string? LoginUrl { get; set; }
        [JsonProperty("audience")] public string? Audience { get; set; }
        [JsonProperty("clientId")] public string? ClientId { get; set; }
        [JsonProperty("key")] public KeyReferenceDocument? Key { get; set; }
        [JsonProperty("idUrl")] public string? IdUrl { get; set; }
        [JsonProperty("issuedAt")] public DateTimeOffset IssuedAt { get; set; }
        [JsonProperty("apiVersion")] public string? ApiVersion { get; set; }
        [JsonProperty("orgName")] public string? OrgName { get; set; }
        [JsonProperty("instanceName")] public string? InstanceName { get; set; }
        [JsonProperty("namespacePrefix")] public string? NamespacePrefix { get; set; }
        [JsonProperty("trialExpirationDate")] public DateTimeOffset? TrialExpirationDate { get; set; }
        // Left out unless set: the files of other orgs stay as earlier 1.x releases wrote them, which ignore the field.
        [JsonProperty("scratchOrg", NullValueHandling = NullValueHandling.Ignore)] public ScratchOrgOriginDocument? ScratchOrg { get; set; }
        [JsonProperty("accessToken")] public ProtectedToken? AccessToken { get; set; }
        [JsonProperty("savedAt")] public DateTimeOffset SavedAt { get; set; }

        public static OrgAuthDocument From(OrgAuth auth, ProtectedToken? token, long revision) => new OrgAuthDocument
        {
            Revision = revision,
            Username = auth.Username,
            OrgId = auth.OrgId,
            UserId = auth.UserId,
            OrgType = auth.OrgType.ToString(),
            InstanceUrl = auth.InstanceUrl,
            LoginUrl = auth.LoginUrl,
            Audience = auth.Audience,
            ClientId = auth.ClientId,
            Key = KeyReferenceDocument.From(auth.Key),
            IdUrl = auth.IdUrl,
            IssuedAt = auth.IssuedAt,
            ApiVersion = auth.ApiVersion,
            OrgName = auth.OrgName,
            InstanceName = auth.InstanceName,
            NamespacePrefix = auth.NamespacePrefix,
            TrialExpirationDate = auth.TrialExpirationDate,
            ScratchOrg = ScratchOrgOriginDocument.From(auth.ScratchOrg),
            AccessToken = token,
            SavedAt = DateTimeOffset.UtcNow,
        };

        public void WriteTo(JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.Field("version", Version);
            writer.Field("revision", Revision);
            writer.Field("username", Username);
            writer.Field("orgId", OrgId);
            writer.Field("userId", UserId);
            writer.Field("orgType", OrgType);
            writer.Field("instanceUrl", InstanceUrl);
            writer.Field("loginUrl", LoginUrl);
            writer.Field("audience", Audience);
            writer.Field("clientId", ClientId);
            writer.Field("key", Key);
            writer.Field("idUrl", IdUrl);
            writer.Field("issuedAt", IssuedAt);
            writer.Field("apiVersion", ApiVersion);
            writer.Field("orgName", OrgName);
            writer.Field("instanceName", InstanceName);
            writer.Field("namespacePrefix", NamespacePrefix);
            writer.Field("trialExpirationDate", TrialExpirationDate);
            if (ScratchOrg != null) writer.Field("scratchOrg", ScratchOrg);
            writer.Field("accessToken", AccessToken);
            writer.Field("savedAt", SavedAt);
            writer.WriteEndObject();
        }

        /// <exception cref="JsonException">A field has a value of the wrong kind.</exception>
        public static OrgAuthDocument Read(JObject json)
        {
            var key = StoreFields.Object(json, "key");
            var token = StoreFields.Object(json, "accessToken");
            var scratchOrg = StoreFields.Object(json, "scratchOrg");
            return new OrgAuthDocument
            {
                Revision = StoreFields.Int64(json, "revision"),
                Username = StoreFields.String(json, "username", string.Empty)!,
                OrgId = StoreFields.String(json, "orgId"),
                UserId = StoreFields.String(json, "userId"),
                OrgType = StoreFields.String(json, "orgType"),
                InstanceUrl = StoreFields.String(json, "instanceUrl"),
                LoginUrl = StoreFields.String(json, "loginUrl"),
                Audience = StoreFields.String(json, "audience"),
                ClientId = StoreFields.String(json, "clientId"),
                Key = key is null ? null : KeyReferenceDocument.Read(key),
                IdUrl = StoreFields.String(json, "idUrl"),
                IssuedAt = StoreFields.Date(json, "issuedAt"),
                ApiVersion = StoreFields.String(json, "apiVersion"),
                OrgName = StoreFields.String(json, "orgName"),
                InstanceName = StoreFields.String(json, "instanceName"),
                NamespacePrefix = StoreFields.String(json, "namespacePrefix"),
                TrialExpirationDate = StoreFields.OptionalDate(json, "trialExpirationDate"),
                ScratchOrg = scratchOrg is null ? null : ScratchOrgOriginDocument.Read(scratchOrg),
                AccessToken = token is null ? null : ProtectedToken.Read(token),
                SavedAt = StoreFields.Date(json, "savedAt"),
            };
        }

        /// <summary>The org details without token or alias; unknown enum names (from later releases) read as Unknown/None.</summary>
        public OrgAuth ToOrgAuth() => new OrgAuth
        {
            Username = Username,
            OrgId = OrgId ?? string.Empty,
            UserId = UserId ?? string.Empty,
            OrgType = Enum.TryParse<OrgType>(OrgType, ignoreCase: true, out var type) ? type : Model.OrgType.Unknown,
            InstanceUrl = InstanceUrl ?? string.Empty,
            LoginUrl = LoginUrl ?? string.Empty,
            Audience = Audience ?? string.Empty,
            ClientId = ClientId ?? string.Empty,
            Key = Key?.ToKeyReference() ?? KeyReference.None(),
            IdUrl = IdUrl,
            IssuedAt = IssuedAt,
            ApiVersion = ApiVersion,
            OrgName = OrgName,
            InstanceName = InstanceName,
            NamespacePrefix = NamespacePrefix,
            TrialExpirationDate = TrialExpirationDate,
            ScratchOrg = ScratchOrg?.ToOrigin(),
        };
    }

    /// <summary>A scratch org's Dev Hub and ScratchOrgInfo record; the expiration date as <c>yyyy-MM-dd</c>, as Salesforce writes it.</summary>
    internal sealed class ScratchOrgOriginDocument : IStoreDocument
    {
        private const string DateFormat = "yyyy-MM-dd";

        [JsonProperty("devHubUsername")] public string? DevHubUsername { get; set; }
        [JsonProperty("scratchOrgInfoId")] public string? ScratchOrgInfoId { get; set; }
        [JsonProperty("expirationDate")] public string? ExpirationDate { get; set; }
        [JsonProperty("createdDate")] public DateTimeOffset? CreatedDate { get; set; }
        [JsonProperty("signupInstance")] public string? SignupInstance { get; set; }

        public static ScratchOrgOriginDocument? From(ScratchOrgOrigin? origin) => origin is null ? null : new ScratchOrgOriginDocument
        {
            DevHubUsername = origin.DevHubUsername,
            ScratchOrgInfoId = origin.ScratchOrgInfoId,
            ExpirationDate = origin.ExpirationDate?.ToString(DateFormat, CultureInfo.InvariantCulture),
            CreatedDate = origin.CreatedDate,
            SignupInstance = origin.SignupInstance,
        };

        public void WriteTo(JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.Field("devHubUsername", DevHubUsername);
            writer.Field("scratchOrgInfoId", ScratchOrgInfoId);
            writer.Field("expirationDate", ExpirationDate);
            writer.Field("createdDate", CreatedDate);
            writer.Field("signupInstance", SignupInstance);
            writer.WriteEndObject();
        }

        public static ScratchOrgOriginDocument Read(JObject json) => new ScratchOrgOriginDocument
        {
            DevHubUsername = StoreFields.String(json, "devHubUsername"),
            ScratchOrgInfoId = StoreFields.String(json, "scratchOrgInfoId"),
            ExpirationDate = StoreFields.String(json, "expirationDate"),
            CreatedDate = StoreFields.OptionalDate(json, "createdDate"),
            SignupInstance = StoreFields.String(json, "signupInstance"),
        };

        /// <summary>Null without a Dev Hub: the link is what the record is for. An unreadable date reads as none.</summary>
        public ScratchOrgOrigin? ToOrigin() => string.IsNullOrEmpty(DevHubUsername) ? null : new ScratchOrgOrigin
        {
            DevHubUsername = DevHubUsername!,
            ScratchOrgInfoId = ScratchOrgInfoId,
            ExpirationDate = DateTime.TryParseExact(ExpirationDate, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : (DateTime?)null,
            CreatedDate = CreatedDate,
            SignupInstance = SignupInstance,
        };
    }

    /// <summary>Where the signing key is: a file path, a certificate thumbprint and store, or nothing (not renewable).</summary>
    internal sealed class KeyReferenceDocument : IStoreDocument
    {
        [JsonProperty("kind")] public string Kind { get; set; } = nameof(KeyReferenceKind.None);
        [JsonProperty("keyFile", NullValueHandling = NullValueHandling.Ignore)] public string? KeyFile { get; set; }
        [JsonProperty("certificateThumbprint", NullValueHandling = NullValueHandling.Ignore)] public string? CertificateThumbprint { get; set; }
        [JsonProperty("certificateStore", NullValueHandling = NullValueHandling.Ignore)] public string? CertificateStore { get; set; }

        public static KeyReferenceDocument From(KeyReference? key) => new KeyReferenceDocument
        {
            Kind = (key?.Kind ?? KeyReferenceKind.None).ToString(),
            KeyFile = key?.KeyFile,
            CertificateThumbprint = key?.CertificateThumbprint,
            CertificateStore = key?.CertificateStore,
        };

        public void WriteTo(JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.Field("kind", Kind);
            writer.OptionalField("keyFile", KeyFile);
            writer.OptionalField("certificateThumbprint", CertificateThumbprint);
            writer.OptionalField("certificateStore", CertificateStore);
            writer.WriteEndObject();
        }

        public static KeyReferenceDocument Read(JObject json) => new KeyReferenceDocument
        {
            Kind = StoreFields.String(json, "kind", nameof(KeyReferenceKind.None))!,
            KeyFile = StoreFields.String(json, "keyFile"),
            CertificateThumbprint = StoreFields.String(json, "certificateThumbprint"),
            CertificateStore = StoreFields.String(json, "certificateStore"),
        };

        public KeyReference ToKeyReference()
        {
            if (!Enum.TryParse<KeyReferenceKind>(Kind, ignoreCase: true, out var kind)) return KeyReference.None();
            if (kind == KeyReferenceKind.File && string.IsNullOrEmpty(KeyFile)) return KeyReference.None();
            if (kind == KeyReferenceKind.CertificateStore && string.IsNullOrEmpty(CertificateThumbprint)) return KeyReference.None();
            return new KeyReference { Kind = kind, KeyFile = KeyFile, CertificateThumbprint = CertificateThumbprint, CertificateStore = CertificateStore };
        }
    }
}
