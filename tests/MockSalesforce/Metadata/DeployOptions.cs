using System.Text.Json;
using MockSalesforce.Endpoints;

namespace MockSalesforce.Metadata;

/// <summary>The deployOptions of a deployRequest: the documented keys with their defaults; anything else is refused.</summary>
public sealed class DeployOptions
{
    private static readonly string[] Flags =
    {
        "allowMissingFiles", "autoUpdatePackage", "checkOnly", "ignoreWarnings", "performRetrieve", "purgeOnDelete",
        "rollbackOnError", "singlePackage",
    };

    private static readonly string[] TestLevels = { "NoTestRun", "RunSpecifiedTests", "RunLocalTests", "RunAllTestsInOrg", "RunRelevantTests" };

    private readonly Dictionary<string, bool> _flags = Flags.ToDictionary(f => f, _ => false, StringComparer.Ordinal);

    private DeployOptions() { }

    /// <summary>A documented boolean option (false unless sent).</summary>
    public bool this[string flag] => _flags[flag];

    /// <summary>runTests as sent (empty unless sent).</summary>
    public IReadOnlyList<string> RunTests { get; private set; } = Array.Empty<string>();

    /// <summary>testLevel as sent, or null.</summary>
    public string? TestLevel { get; private set; }

    /// <summary>The options as Salesforce echoes them: every key, defaults filled in.</summary>
    internal Dictionary<string, object?> ToJson()
    {
        var json = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var flag in Flags) json[flag] = _flags[flag];
        json["runTests"] = RunTests;
        json["testLevel"] = TestLevel;
        return json;
    }

    /// <summary>Reads the request's JSON part ({"deployOptions":{...}}); returns the options or the 400 error.</summary>
    internal static (DeployOptions? Options, RestError? Error) Parse(string? json)
    {
        if (json is null) return (null, new RestError("JSON_PARSER_ERROR", "The multipart request has no 'json' part with deployOptions."));
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (null, RestError.JsonParser(e));
        }
        if (root.ValueKind != JsonValueKind.Object) return (null, Unexpected("the request", root));
        var options = new DeployOptions();
        foreach (var top in root.EnumerateObject())
        {
            if (top.Name != "deployOptions") return (null, Unrecognized(top.Name, "DeployRequest"));
            if (top.Value.ValueKind != JsonValueKind.Object) return (null, Unexpected("deployOptions", top.Value));
            foreach (var option in top.Value.EnumerateObject())
            {
                var error = options.Read(option);
                if (error is not null) return (null, error);
            }
        }
        return (options, null);
    }

    private RestError? Read(JsonProperty option)
    {
        var value = option.Value;
        if (_flags.ContainsKey(option.Name))
        {
            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return Unexpected(option.Name, value);
            _flags[option.Name] = value.GetBoolean();
            return null;
        }
        switch (option.Name)
        {
            case "runTests" when value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String):
                RunTests = value.EnumerateArray().Select(t => t.GetString()!).ToArray();
                return null;
            case "testLevel" when value.ValueKind == JsonValueKind.String && TestLevels.Contains(value.GetString()):
                TestLevel = value.GetString();
                return null;
            case "runTests" or "testLevel":
                return Unexpected(option.Name, value);
            default:
                return Unrecognized(option.Name, "DeployOptions");
        }
    }

    private static RestError Unrecognized(string name, string type) =>
        new("JSON_PARSER_ERROR", $"Unrecognized field \"{name}\" (class {type}), not marked as ignorable");

    private static RestError Unexpected(string name, JsonElement value) =>
        new("JSON_PARSER_ERROR", $"Cannot deserialize {name} from {value.ValueKind} value {value.GetRawText()}");
}
