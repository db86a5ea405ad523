using MockSalesforce.Scratch;

namespace MockSalesforce;

/// <summary>How a <see cref="MockSalesforceServer"/> behaves. All values have test-friendly defaults.</summary>
public sealed class MockOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Fixed delay added to every request except the control API.</summary>
    public int LatencyMs { get; set; }

    /// <summary>How long an issued access token stays valid (Salesforce's default session timeout is 2 hours).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How long after creation a scratch user is "not yet replicated" (see <see cref="MockSalesforceServer.AddScratchUser"/>);
    /// for a scratch org inserted through ScratchOrgInfo, how long after it became Active its admin is.
    /// </summary>
    public TimeSpan ReplicationDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Time from a ScratchOrgInfo insert to Active (or Error); a <see cref="ScratchOrgPlan"/> may override it per insert.</summary>
    public TimeSpan ScratchOrgProvisioningTime { get; set; } = TimeSpan.Zero;

    /// <summary>ActiveScratchOrgs.Max of a Dev Hub that sets none (Unlimited/Performance Edition: 100).</summary>
    public int ActiveScratchOrgLimit { get; set; } = 100;

    /// <summary>DailyScratchOrgs.Max of a Dev Hub that sets none (Unlimited/Performance Edition: 200 a rolling day).</summary>
    public int DailyScratchOrgLimit { get; set; } = 200;

    /// <summary>
    /// Whether a ScratchOrgInfo insert needs ConnectedAppConsumerKey and ConnectedAppCallbackUrl, as the object reference
    /// says ("Required"). When false, a missing key is stored as PlatformCLI (the CLI's own app) and the callback as null.
    /// </summary>
    public bool RequireConnectedAppFields { get; set; } = true;

    /// <summary>The Features values a ScratchOrgInfo insert may name (case-insensitive); add to it before inserting.</summary>
    public ISet<string> ScratchOrgFeatures { get; } = new HashSet<string>(ScratchOrgPicklists.DefaultFeatures, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The LoginUrl (and instance URL) of an inserted scratch org: <c>{port}</c>, <c>{base}</c> (the mock's base URL) and
    /// <c>{domain}</c> (the org's My Domain name) are filled in. The default <c>http://localhost:{port}</c> reaches this
    /// mock under another host than the Dev Hub's 127.0.0.1, so the request log shows which URL a client logged in at;
    /// <c>{domain}</c> only helps clients that resolve <c>*.localhost</c>.
    /// </summary>
    public string ScratchOrgUrlTemplate { get; set; } = "http://localhost:{port}";

    /// <summary>Time from a metadata deployRequest to its final status (Pending, then InProgress, until then).</summary>
    public TimeSpan DeployDuration { get; set; } = TimeSpan.Zero;

    /// <summary>Clock skew tolerated when checking an assertion's <c>exp</c> against now.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When true, an <c>exp</c> more than 3 minutes (plus <see cref="ClockSkew"/>) ahead is rejected, as the
    /// documentation says. Off by default because real Salesforce accepts the CLI's millisecond <c>exp</c>.
    /// </summary>
    public bool StrictExpiry { get; set; }

    /// <summary>The newest API version listed by GET /services/data (versions 31.0 up to this one are served).</summary>
    public int LatestApiVersion { get; set; } = 65;

    /// <summary>Whether GET /services/data needs a bearer token. Real Salesforce lists versions anonymously.</summary>
    public bool VersionsRequireAuth { get; set; }

    /// <summary>Whether the /__mock control API is served (loopback test infrastructure; on by default).</summary>
    public bool EnableControlApi { get; set; } = true;

    /// <summary>How many requests the log keeps (oldest dropped first), so long benchmark runs stay bounded.</summary>
    public int MaxRecordedRequests { get; set; } = 100_000;

    /// <summary>Whether unknown paths are written to standard error (paths only, never tokens).</summary>
    public bool LogUnknownPathsToConsole { get; set; } = true;
}
