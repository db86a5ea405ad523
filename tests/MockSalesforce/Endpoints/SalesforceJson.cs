using System.Text.Encodings.Web;
using System.Text.Json;

namespace MockSalesforce.Endpoints;

/// <summary>Writes JSON responses with Salesforce's content type and REST error shape.</summary>
internal static class SalesforceJson
{
    public const string ContentType = "application/json;charset=UTF-8";

    // Salesforce writes apostrophes and '+' literally ("Winter '25"), not as \u0027.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, Options), context.RequestAborted);
    }

    /// <summary>REST API errors are an array of {message, errorCode} (plus fields for DML errors).</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, RestError error)
    {
        // The request log shows which error a call got (never a secret).
        context.Items[typeof(RestError)] = error;
        return WriteAsync(context, status, new[] { error.ToJson() });
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string errorCode, string message) =>
        WriteErrorAsync(context, status, new RestError(errorCode, message));

    public static Task InvalidSessionAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "INVALID_SESSION_ID", "Session expired or invalid");

    public static Task NotFoundAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status404NotFound, "NOT_FOUND", "The requested resource does not exist");
}
