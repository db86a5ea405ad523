using System.Diagnostics;
using MockSalesforce.Endpoints;
using MockSalesforce.Faults;
using MockSalesforce.Jwt;

namespace MockSalesforce.Logging;

/// <summary>Records each request before anything else runs, and its outcome after.</summary>
internal static class RequestLogMiddleware
{
    private const string Redacted = "(redacted)";
    private const int MaxRecordedBody = 64 * 1024;

    public static async Task InvokeAsync(HttpContext context, Func<Task> next, MockState state)
    {
        var request = context.Request;
        var (form, files, assertion) = await ReadFormAsync(request, context.RequestAborted);
        var record = new RecordedRequest
        {
            Time = state.Clock.UtcNow,
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            Query = request.QueryString.Value ?? "",
            Host = request.Host.Value ?? "",
            ContentType = request.ContentType,
            Form = form,
            Files = files,
            Body = await ReadJsonBodyAsync(request, context.RequestAborted),
            Assertion = assertion,
            HadAuthorization = request.Headers.Authorization.Count > 0,
        };
        state.Requests.Add(record);
        // Record the outcome when headers go out, so it is visible by the time the client has the response.
        context.Response.OnStarting(() =>
        {
            RecordOutcome(context, record);
            return Task.CompletedTask;
        });
        var watch = Stopwatch.StartNew();
        try
        {
            await next();
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            record.Aborted = true;
        }
        finally
        {
            record.DurationMs = watch.Elapsed.TotalMilliseconds;
            RecordOutcome(context, record);
            record.Aborted |= context.RequestAborted.IsCancellationRequested;
        }
    }

    private static void RecordOutcome(HttpContext context, RecordedRequest record)
    {
        record.StatusCode = context.Response.StatusCode;
        record.ErrorCode = (context.Items[typeof(TokenError)] as TokenError)?.Error
            ?? (context.Items[typeof(RestError)] as RestError)?.ErrorCode;
        record.Faults = (context.Items[typeof(Fault)] as List<string>)?.ToArray() ?? Array.Empty<string>();
    }

    private static async Task<string?> ReadJsonBodyAsync(HttpRequest request, CancellationToken aborted)
    {
        if (request.ContentType is not { } type || !type.Split(';')[0].Trim().EndsWith("json", StringComparison.OrdinalIgnoreCase)) return null;
        // Buffer the body so the endpoint reads it again from the start.
        request.EnableBuffering();
        var buffer = new byte[MaxRecordedBody];
        int length = 0, read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), aborted)) > 0) length += read;
        request.Body.Position = 0;
        return System.Text.Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static async Task<(IReadOnlyDictionary<string, string>, IReadOnlyList<RecordedFile>, RecordedAssertion?)> ReadFormAsync(
        HttpRequest request, CancellationToken aborted)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!request.HasFormContentType) return (fields, Array.Empty<RecordedFile>(), null);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(aborted);
        }
        catch (InvalidDataException)
        {
            return (fields, Array.Empty<RecordedFile>(), null);
        }
        RecordedAssertion? assertion = null;
        foreach (var (name, value) in form)
        {
            bool secret = name is "assertion" or "client_secret" or "refresh_token" or "code" or "password";
            fields[name] = secret ? Redacted : value.ToString();
            if (name == "assertion") assertion = RecordedAssertion.From(value);
        }
        var files = form.Files.Select(f => new RecordedFile(f.Name, f.FileName, f.ContentType, f.Length)).ToArray();
        return (fields, files, assertion);
    }
}
