using MockSalesforce.Common;

namespace MockSalesforce.Faults;

/// <summary>
/// One injected fault: what happens, to which requests, how many times. Create with the factory methods,
/// e.g. <c>Fault.Status(503, count: 2, path: "/services/oauth2/token")</c>, and add with <see cref="FaultQueue.Enqueue"/>.
/// </summary>
public sealed class Fault
{
    private readonly UseCount _uses;

    /// <summary>Creates a fault; <paramref name="count"/> null means it never runs out.</summary>
    public Fault(FaultKind kind, string? path = null, int? count = 1, string? method = null)
    {
        _uses = new UseCount(count, "fault");
        Kind = kind;
        Path = path;
        Method = method;
    }

    /// <summary>The kind of fault.</summary>
    public FaultKind Kind { get; }

    /// <summary>Request path it applies to (case-insensitive; a trailing '*' matches a prefix); null applies to every path.</summary>
    public string? Path { get; }

    /// <summary>HTTP method it applies to; null applies to all.</summary>
    public string? Method { get; }

    /// <summary>True when the fault applies to every matching request, without a count.</summary>
    public bool Forever => _uses.Forever;

    /// <summary>How many more requests it applies to (ignored when <see cref="Forever"/>).</summary>
    public int Remaining => _uses.Remaining;

    /// <summary>Status code for Status, Html, Redirect faults.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Response body override (for DropConnection: the part sent before the abort).</summary>
    public string? Body { get; init; }

    /// <summary>Content type override for Status faults and WrongContentType.</summary>
    public string? ContentType { get; init; }

    /// <summary>Delay for Delay faults.</summary>
    public int DelayMs { get; init; }

    /// <summary>Retry-After seconds for TooManyRequests.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Body size for HugeBody.</summary>
    public long SizeBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Redirect target. When it has no path, the request's path and query are appended.</summary>
    public string? Location { get; init; }

    /// <summary>A delay (latency or slow response) before normal processing.</summary>
    public static Fault Delay(int delayMs, int? count = 1, string? path = null) => new(FaultKind.Delay, path, count) { DelayMs = delayMs };

    /// <summary>A status code (5xx by default 503) with a JSON body.</summary>
    public static Fault Status(int statusCode = 503, int? count = 1, string? path = null, string? body = null) =>
        new(FaultKind.Status, path, count) { StatusCode = statusCode, Body = body };

    /// <summary>An HTML page with the given status.</summary>
    public static Fault Html(int statusCode = 502, int? count = 1, string? path = null) => new(FaultKind.Html, path, count) { StatusCode = statusCode };

    /// <summary>429 Too Many Requests with Retry-After.</summary>
    public static Fault TooManyRequests(int retryAfterSeconds = 1, int? count = 1, string? path = null) =>
        new(FaultKind.TooManyRequests, path, count) { RetryAfterSeconds = retryAfterSeconds };

    /// <summary>Partial response, then the connection is aborted.</summary>
    public static Fault DropConnection(int? count = 1, string? path = null) => new(FaultKind.DropConnection, path, count);

    /// <summary>200 with cut-off JSON.</summary>
    public static Fault TruncatedJson(int? count = 1, string? path = null) => new(FaultKind.TruncatedJson, path, count);

    /// <summary>The normal response under a wrong content type.</summary>
    public static Fault WrongContentType(string contentType = "text/html;charset=UTF-8", int? count = 1, string? path = null) =>
        new(FaultKind.WrongContentType, path, count) { ContentType = contentType };

    /// <summary>200 with a huge JSON body.</summary>
    public static Fault HugeBody(long sizeBytes = 16L * 1024 * 1024, int? count = 1, string? path = null) =>
        new(FaultKind.HugeBody, path, count) { SizeBytes = sizeBytes };

    /// <summary>A redirect to another host or port.</summary>
    public static Fault Redirect(string location, int statusCode = 302, int? count = 1, string? path = null) =>
        new(FaultKind.Redirect, path, count) { Location = location, StatusCode = statusCode };

    internal bool Matches(string method, string path)
    {
        if (Method is not null && !Method.Equals(method, StringComparison.OrdinalIgnoreCase)) return false;
        if (Path is null) return true;
        return Path.EndsWith('*') ? NamePattern.Matches(Path, path) : NamePattern.Matches(Path.TrimEnd('/'), path.TrimEnd('/'));
    }

    /// <summary>Takes one use; false when the fault is used up (another thread may have taken the last one).</summary>
    internal bool TryConsume() => _uses.TryConsume();

    /// <inheritdoc />
    public override string ToString() => $"{Kind} on {Path ?? "*"} ({(Forever ? "always" : Remaining + " left")})";
}
