using System.Globalization;
using System.Text;
using System.Text.Json;
using MockSalesforce.Endpoints;

namespace MockSalesforce.Scratch;

/// <summary>
/// The fields of a ScratchOrgInfo insert, read and validated as Salesforce does: field names are case-insensitive,
/// unknown ones are INVALID_FIELD, read-only ones INVALID_FIELD_FOR_INSERT_UPDATE, wrong JSON types JSON_PARSER_ERROR,
/// missing required ones REQUIRED_FIELD_MISSING, a bad Edition INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST and an unknown
/// feature INVALID_INPUT.
/// </summary>
public sealed class ScratchOrgRequest
{
    private enum FieldType { Text, Integer, Boolean }

    private static readonly Dictionary<string, FieldType> Creatable = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AdminEmail"] = FieldType.Text, ["ConnectedAppCallbackUrl"] = FieldType.Text, ["ConnectedAppConsumerKey"] = FieldType.Text,
        ["Country"] = FieldType.Text, ["Description"] = FieldType.Text, ["DurationDays"] = FieldType.Integer,
        ["Edition"] = FieldType.Text, ["Features"] = FieldType.Text, ["HasSampleData"] = FieldType.Boolean,
        ["Language"] = FieldType.Text, ["Namespace"] = FieldType.Text, ["OrgName"] = FieldType.Text,
        ["OwnerId"] = FieldType.Text, ["Package2AncestorIds"] = FieldType.Text, ["Release"] = FieldType.Text,
        ["Snapshot"] = FieldType.Text, ["SourceOrg"] = FieldType.Text, ["Username"] = FieldType.Text,
    };

    /// <summary>Fields ScratchOrgInfo has but that only Salesforce sets.</summary>
    internal static readonly string[] ReadOnly =
    {
        "AuthCode", "CreatedById", "CreatedDate", "DeletedBy", "DeletedDate", "ErrorCode", "ExpirationDate", "Id",
        "IsDeleted", "LastLoginDate", "LastModifiedById", "LastModifiedDate", "LastReferencedDate", "LastViewedDate",
        "LoginUrl", "Name", "ScratchOrg", "SignupCountry", "SignupEmail", "SignupInstance", "SignupLanguage",
        "SignupTrialDays", "SignupUsername", "Status", "SystemModstamp",
    };

    private readonly Dictionary<string, object?> _values = new(StringComparer.OrdinalIgnoreCase);

    private ScratchOrgRequest() { }

    /// <summary>Every creatable field name, in Salesforce's casing.</summary>
    internal static IEnumerable<string> CreatableFields => Creatable.Keys;

    /// <summary>OrgName as inserted (null when absent).</summary>
    public string? OrgName => Text("OrgName");

    /// <summary>Edition in its canonical spelling (null when the org comes from a SourceOrg or Snapshot).</summary>
    public string? Edition => Text("Edition");

    /// <summary>Features as inserted: names separated by ';'.</summary>
    public string? Features => Text("Features");

    /// <summary>Username, lower-cased; null means Salesforce generates one.</summary>
    public string? Username => Text("Username");

    /// <summary>AdminEmail as inserted.</summary>
    public string? AdminEmail => Text("AdminEmail");

    /// <summary>Description as inserted.</summary>
    public string? Description => Text("Description");

    /// <summary>The connected app the new org's admin is pre-authorized for.</summary>
    public string? ConnectedAppConsumerKey => Text("ConnectedAppConsumerKey");

    /// <summary>ConnectedAppCallbackUrl as inserted.</summary>
    public string? ConnectedAppCallbackUrl => Text("ConnectedAppCallbackUrl");

    /// <summary>DurationDays (1 to 30, default 7).</summary>
    public int DurationDays => _values.TryGetValue("DurationDays", out var v) && v is int days ? days : 7;

    /// <summary>HasSampleData (default false).</summary>
    public bool HasSampleData => _values.TryGetValue("HasSampleData", out var v) && v is true;

    /// <summary>A creatable field's value as inserted (string, int, bool or null), by case-insensitive name.</summary>
    public object? this[string field] => _values.TryGetValue(field, out var value) ? value : null;

    /// <summary>What the mock stores for a scratch org added by hand (AddOrg with a Dev Hub).</summary>
    internal static ScratchOrgRequest ForExistingOrg(string orgName)
    {
        var request = new ScratchOrgRequest();
        request._values["OrgName"] = orgName;
        request._values["Edition"] = "Developer";
        return request;
    }

    /// <summary>Reads an insert body; returns the request, or the error Salesforce would answer (HTTP 400).</summary>
    internal static (ScratchOrgRequest? Request, RestError? Error) Parse(string body, MockOptions options)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "" : body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (null, string.IsNullOrWhiteSpace(body)
                ? new RestError("JSON_PARSER_ERROR", "No content to map due to end-of-input")
                : RestError.JsonParser(e));
        }
        if (root.ValueKind != JsonValueKind.Object)
            return (null, new RestError("JSON_PARSER_ERROR", $"Cannot deserialize instance of ScratchOrgInfo from {TokenName(root)} value"));

        var properties = root.EnumerateObject().ToArray();
        var unknown = properties.FirstOrDefault(p => !Creatable.ContainsKey(p.Name) && !ReadOnly.Contains(p.Name, StringComparer.OrdinalIgnoreCase));
        if (unknown.Value.ValueKind != JsonValueKind.Undefined)
            return (null, new RestError("INVALID_FIELD", $"No such column '{unknown.Name}' on sobject of type ScratchOrgInfo"));
        var readOnly = properties.Where(p => !Creatable.ContainsKey(p.Name)).Select(p => Canonical(p.Name)).ToArray();
        if (readOnly.Length > 0)
            return (null, RestError.Dml("INVALID_FIELD_FOR_INSERT_UPDATE",
                $"Unable to create/update fields: {string.Join(", ", readOnly)}. Please check the security settings of this field " +
                "and verify that it is read/write for your profile or permission set.", readOnly));

        var request = new ScratchOrgRequest();
        foreach (var property in properties)
        {
            string name = Canonical(property.Name);
            var (value, typeError) = ReadValue(name, Creatable[name], property.Value);
            if (typeError is not null) return (null, typeError);
            request._values[name] = value;
        }
        var error = request.Validate(options);
        return error is null ? (request, null) : (null, error);
    }

    private RestError? Validate(MockOptions options)
    {
        var missing = new List<string>();
        if (Edition is null && Text("SourceOrg") is null && Text("Snapshot") is null) missing.Add("Edition");
        if (options.RequireConnectedAppFields)
        {
            if (ConnectedAppConsumerKey is null) missing.Add("ConnectedAppConsumerKey");
            if (ConnectedAppCallbackUrl is null) missing.Add("ConnectedAppCallbackUrl");
        }
        if (missing.Count > 0)
            return RestError.Dml("REQUIRED_FIELD_MISSING", $"Required fields are missing: [{string.Join(", ", missing)}]", missing.ToArray());

        if (Edition is { } edition)
        {
            var canonical = ScratchOrgPicklists.Canonical(ScratchOrgPicklists.Editions, edition);
            if (canonical is null) return BadPicklist("Edition", edition);
            _values["Edition"] = canonical;
        }
        if (Text("Release") is { } release)
        {
            var canonical = ScratchOrgPicklists.Canonical(ScratchOrgPicklists.Releases, release);
            if (canonical is null) return BadPicklist("Release", release);
            _values["Release"] = canonical;
        }
        if (Features is { } features)
        {
            // Features is one ';'-separated text; a quantity may follow a colon ("FieldService:2").
            foreach (var feature in features.Split(';').Select(f => f.Trim()).Where(f => f.Length > 0))
            {
                string name = feature.Split(':')[0].Trim();
                if (!options.ScratchOrgFeatures.Contains(name))
                    return RestError.Dml("INVALID_INPUT", $"{feature} is not a valid Features value.", "Features");
            }
        }
        if (DurationDays is < 1 or > 30)
            return RestError.Dml("FIELD_INTEGRITY_EXCEPTION", $"DurationDays must be between 1 and 30, not {DurationDays}.", "DurationDays");
        if (Username is { } username) _values["Username"] = username.ToLowerInvariant();
        return null;
    }

    private static RestError BadPicklist(string field, string value) =>
        RestError.Dml("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", $"{field}: bad value for restricted picklist field: {value}", field);

    private static (object? Value, RestError? Error) ReadValue(string name, FieldType type, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return (null, null);
        switch (type)
        {
            case FieldType.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number):
                return (number, null);
            case FieldType.Integer when value.ValueKind == JsonValueKind.String &&
                int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed):
                return (parsed, null);
            case FieldType.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return (value.GetBoolean(), null);
            case FieldType.Boolean when value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out bool flag):
                return (flag, null);
            case FieldType.Text when value.ValueKind == JsonValueKind.String:
                string text = value.GetString()!;
                return (text.Length == 0 ? null : text, null);
            case FieldType.Text when value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                return (value.GetRawText(), null);
        }
        string typeName = type switch { FieldType.Integer => "int", FieldType.Boolean => "boolean", _ => "string" };
        return (null, new RestError("JSON_PARSER_ERROR",
            $"Cannot deserialize instance of {typeName} from {TokenName(value)} value {Shorten(value.GetRawText())} " +
            $"or request may be missing a required field ({name})"));
    }

    private static string TokenName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "START_ARRAY",
        JsonValueKind.Object => "START_OBJECT",
        JsonValueKind.String => "VALUE_STRING",
        JsonValueKind.Number => "VALUE_NUMBER_INT",
        _ => "VALUE_" + value.ValueKind.ToString().ToUpperInvariant(),
    };

    private static string Shorten(string raw) => raw.Length <= 40 ? raw : raw[..40] + "...";

    private static string Canonical(string name) =>
        Creatable.Keys.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? ReadOnly.First(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));

    private string? Text(string field) => _values.TryGetValue(field, out var v) ? v as string : null;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder("ScratchOrgInfo insert");
        foreach (var (name, value) in _values) text.Append(' ').Append(name).Append('=').Append(value);
        return text.ToString();
    }
}
