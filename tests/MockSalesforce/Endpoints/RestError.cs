using System.Text.Json;

namespace MockSalesforce.Endpoints;

/// <summary>
/// One entry of Salesforce's REST error array. DML errors (validation on insert) name the fields involved;
/// request-level errors (bad JSON, unknown column, session) have no <c>fields</c> key at all.
/// </summary>
internal sealed record RestError(string ErrorCode, string Message, IReadOnlyList<string>? Fields = null)
{
    /// <summary>A DML error with its fields (an empty list still writes <c>"fields":[]</c>).</summary>
    public static RestError Dml(string errorCode, string message, params string[] fields) => new(errorCode, message, fields);

    /// <summary>A body that is not JSON, with where the parser stopped.</summary>
    public static RestError JsonParser(JsonException e) =>
        new("JSON_PARSER_ERROR", $"Unexpected character at [line:{(e.LineNumber ?? 0) + 1}, column:{(e.BytePositionInLine ?? 0) + 1}]");

    /// <summary>The JSON shape: message, errorCode and, for DML errors, fields.</summary>
    public object ToJson() => Fields is null
        ? new Dictionary<string, object> { ["message"] = Message, ["errorCode"] = ErrorCode }
        : new Dictionary<string, object> { ["message"] = Message, ["errorCode"] = ErrorCode, ["fields"] = Fields };
}
