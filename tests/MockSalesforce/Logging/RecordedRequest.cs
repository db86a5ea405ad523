namespace MockSalesforce.Logging;

/// <summary>One request the mock received, as tests assert on it. Secrets (assertion, tokens) are left out.</summary>
public sealed class RecordedRequest
{
    /// <summary>When the request arrived (mock clock).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Request path.</summary>
    public required string Path { get; init; }

    /// <summary>Query string including '?' (SOQL queries are not secret), or empty.</summary>
    public required string Query { get; init; }

    /// <summary>The Host header as sent (shows which "host" the client believed it was talking to).</summary>
    public required string Host { get; init; }

    /// <summary>The request content type, if any.</summary>
    public string? ContentType { get; init; }

    /// <summary>Form fields of a form POST; the assertion's value is replaced by "(redacted)".</summary>
    public IReadOnlyDictionary<string, string> Form { get; init; } = new Dictionary<string, string>();

    /// <summary>The body of a JSON request (e.g. a ScratchOrgInfo insert; up to 64 KiB), or null.</summary>
    public string? Body { get; init; }

    /// <summary>The file parts of a multipart request (a deployRequest's zip), without their content.</summary>
    public IReadOnlyList<RecordedFile> Files { get; init; } = Array.Empty<RecordedFile>();

    /// <summary>The decoded assertion of a token request, or null.</summary>
    public RecordedAssertion? Assertion { get; init; }

    /// <summary>Whether an Authorization header was sent (its value is never recorded).</summary>
    public bool HadAuthorization { get; init; }

    /// <summary>The response status code.</summary>
    public int StatusCode { get; set; }

    /// <summary>
    /// The OAuth error of a failed token request (e.g. invalid_grant) or the errorCode of a failed REST call
    /// (e.g. LIMIT_EXCEEDED, INVALID_SESSION_ID), or null.
    /// </summary>
    public string? ErrorCode { get; set; }

    /// <summary>The injected faults applied (kind names), if any.</summary>
    public IReadOnlyList<string> Faults { get; set; } = Array.Empty<string>();

    /// <summary>True when the connection was aborted (DropConnection or the client gave up).</summary>
    public bool Aborted { get; set; }

    /// <summary>How long the mock took.</summary>
    public double DurationMs { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Host}{Path} -> {StatusCode}";
}
