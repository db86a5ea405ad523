using System.Diagnostics;
using MockSalesforce.Faults;
using MockSalesforce.Jwt;

namespace MockSalesforce.Logging;

/// <summary>Records each request before anything else runs, and its outcome after.</summary>
internal static class RequestLogMiddleware
{
    private const string Redacted = "(redacted)";

    public static async Task InvokeAsync(HttpContext context, Func<Task> next, MockState state)
    {
        var request = context.Request;
        var (form, assertion) = await ReadFormAsync(request, context.RequestAborted);
        var record = new RecordedRequest
        {
            Time = state.Clock.UtcNow,
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            Query = request.QueryString.Value ?? "",
            Host = request.Host.Value ?? "",
            ContentType = request.ContentType,
            Form = form,
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
        record.ErrorCode = (context.Items[typeof(TokenError)] as TokenError)?.Error;
        record.Faults = (context.Items[typeof(Fault)] as List<string>)?.ToArray() ?? Array.Empty<string>();
    }

    private static async Task<(IReadOnlyDictionary<string, string>, RecordedAssertion?)> ReadFormAsync(HttpRequest request, CancellationToken aborted)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!request.HasFormContentType) return (fields, null);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(aborted);
        }
        catch (InvalidDataException)
        {
            return (fields, null);
        }
        RecordedAssertion? assertion = null;
        foreach (var (name, value) in form)
        {
            bool secret = name is "assertion" or "client_secret" or "refresh_token" or "code" or "password";
            fields[name] = secret ? Redacted : value.ToString();
            if (name == "assertion") assertion = RecordedAssertion.From(value);
        }
        return (fields, assertion);
    }
}
