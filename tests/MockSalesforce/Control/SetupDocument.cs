using MockSalesforce.Faults;
using MockSalesforce.Model;

namespace MockSalesforce.Control;

/// <summary>A scenario as JSON: the shape of setup.json and of POST /__mock/setup.</summary>
public sealed class SetupDocument
{
    /// <summary>Connected apps.</summary>
    public List<AppSpec> Apps { get; set; } = new();

    /// <summary>Orgs, added in order (a scratch org's devHub must come earlier).</summary>
    public List<OrgSpec> Orgs { get; set; } = new();

    /// <summary>Users.</summary>
    public List<UserSpec> Users { get; set; } = new();
}

/// <summary>A connected app: consumer key plus the certificate as PEM text or as a PEM file path.</summary>
public sealed class AppSpec
{
    /// <summary>Consumer key (client id).</summary>
    public string ConsumerKey { get; set; } = "";

    /// <summary>Certificate PEM text.</summary>
    public string? CertificatePem { get; set; }

    /// <summary>Certificate PEM file; relative paths are relative to setup.json (or the working directory).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Granted scopes (default "api web").</summary>
    public string? Scope { get; set; }
}

/// <summary>An org. Users and scratch orgs refer to it by <see cref="Name"/> or by id.</summary>
public sealed class OrgSpec
{
    /// <summary>Production, DevHub, Sandbox or Scratch.</summary>
    public OrgKind Kind { get; set; }

    /// <summary>Organization name (unique within the mock; used as a reference).</summary>
    public string? Name { get; set; }

    /// <summary>Optional fixed 18-character org id (00D...).</summary>
    public string? Id { get; set; }

    /// <summary>My Domain name.</summary>
    public string? MyDomainName { get; set; }

    /// <summary>Instance URL; defaults to the mock's base URL.</summary>
    public string? InstanceUrl { get; set; }

    /// <summary>Experience Cloud site URLs accepted as audiences.</summary>
    public List<string>? SiteUrls { get; set; }

    /// <summary>For a scratch org: the Dev Hub's name or id.</summary>
    public string? DevHub { get; set; }
}

/// <summary>A user.</summary>
public sealed class UserSpec
{
    /// <summary>Username.</summary>
    public string Username { get; set; } = "";

    /// <summary>The org's name or id.</summary>
    public string Org { get; set; } = "";

    /// <summary>Consumer keys of the apps the user is pre-authorized for.</summary>
    public List<string>? PreAuthorizedFor { get; set; }

    /// <summary>Whether the user is active (default true).</summary>
    public bool? Active { get; set; }

    /// <summary>Seconds after creation before the user has replicated (scratch orgs); default none.</summary>
    public double? ReplicatesAfterSeconds { get; set; }
}

/// <summary>A change to an existing user (PATCH /__mock/users/{username}).</summary>
public sealed class UserPatch
{
    /// <summary>New active flag.</summary>
    public bool? Active { get; set; }

    /// <summary>Replaces the pre-authorized consumer keys.</summary>
    public List<string>? PreAuthorizedFor { get; set; }

    /// <summary>Seconds from now until the user has replicated (0 = replicated now).</summary>
    public double? ReplicatesAfterSeconds { get; set; }
}

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
