namespace MockSalesforce.Faults;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>Waits <see cref="Fault.DelayMs"/> (cancelled when the client gives up), then serves normally: latency or a slow response.</summary>
    Delay,

    /// <summary>Answers <see cref="Fault.StatusCode"/> (default 503) with a JSON body.</summary>
    Status,

    /// <summary>Answers an HTML page (a proxy or maintenance page) with <see cref="Fault.StatusCode"/> (default 502; 200 works too).</summary>
    Html,

    /// <summary>Answers 429 with a Retry-After header of <see cref="Fault.RetryAfterSeconds"/>.</summary>
    TooManyRequests,

    /// <summary>Sends headers and part of a body, then aborts the connection.</summary>
    DropConnection,

    /// <summary>Answers 200 application/json whose JSON is cut off.</summary>
    TruncatedJson,

    /// <summary>Serves the normal response with <see cref="Fault.ContentType"/> (default text/html) as its content type.</summary>
    WrongContentType,

    /// <summary>Answers 200 application/json with a body of <see cref="Fault.SizeBytes"/> bytes (default 16 MiB).</summary>
    HugeBody,

    /// <summary>Redirects (<see cref="Fault.StatusCode"/> 302 or 307) to <see cref="Fault.Location"/>.</summary>
    Redirect,
}
