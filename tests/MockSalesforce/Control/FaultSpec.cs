using MockSalesforce.Faults;

namespace MockSalesforce.Control;

/// <summary>A fault as JSON (POST /__mock/faults).</summary>
public sealed class FaultSpec
{
    /// <summary>The fault kind.</summary>
    public FaultKind Kind { get; set; }

    /// <summary>Path it applies to (trailing '*' = prefix); absent = all paths.</summary>
    public string? Path { get; set; }

    /// <summary>Method it applies to; absent = all.</summary>
    public string? Method { get; set; }

    /// <summary>How many requests it applies to (default 1).</summary>
    public int Count { get; set; } = 1;

    /// <summary>True: applies to every matching request.</summary>
    public bool Forever { get; set; }

    /// <summary>See <see cref="Fault.StatusCode"/>.</summary>
    public int? StatusCode { get; set; }

    /// <summary>See <see cref="Fault.Body"/>.</summary>
    public string? Body { get; set; }

    /// <summary>See <see cref="Fault.ContentType"/>.</summary>
    public string? ContentType { get; set; }

    /// <summary>See <see cref="Fault.DelayMs"/>.</summary>
    public int DelayMs { get; set; }

    /// <summary>See <see cref="Fault.RetryAfterSeconds"/>.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>See <see cref="Fault.SizeBytes"/>.</summary>
    public long SizeBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>See <see cref="Fault.Location"/>.</summary>
    public string? Location { get; set; }

    /// <summary>The fault this describes.</summary>
    public Fault ToFault() => new(Kind, Path, Forever ? null : Count, Method)
    {
        StatusCode = StatusCode,
        Body = Body,
        ContentType = ContentType,
        DelayMs = DelayMs,
        RetryAfterSeconds = RetryAfterSeconds,
        SizeBytes = SizeBytes,
        Location = Location,
    };
}
