using MockSalesforce.Model;

namespace MockSalesforce.Control;

/// <summary>A scenario as JSON: the shape of setup.json and of POST /__mock/setup.</summary>
public sealed class SetupDocument
{
    /// <summary>Server settings (provisioning time, limits, deploy duration...), applied first.</summary>
    public OptionsSpec? Options { get; set; }

    /// <summary>Connected apps.</summary>
    public List<AppSpec> Apps { get; set; } = new();

    /// <summary>Orgs, added in order (a scratch org's devHub must come earlier).</summary>
    public List<OrgSpec> Orgs { get; set; } = new();

    /// <summary>Users.</summary>
    public List<UserSpec> Users { get; set; } = new();

    /// <summary>How coming ScratchOrgInfo inserts turn out.</summary>
    public List<ScratchOrgPlanSpec> ScratchOrgPlans { get; set; } = new();

    /// <summary>Components that fail in coming deploys.</summary>
    public List<DeployFailureSpec> DeployFailures { get; set; } = new();
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

    /// <summary>True for an External Client App (scratch org signup cannot use it: C-1016).</summary>
    public bool ExternalClientApp { get; set; }
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

    /// <summary>For a Dev Hub: ActiveScratchOrgs.Max (default: the server's).</summary>
    public int? ActiveScratchOrgs { get; set; }

    /// <summary>For a Dev Hub: DailyScratchOrgs.Max (default: the server's).</summary>
    public int? DailyScratchOrgs { get; set; }
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
