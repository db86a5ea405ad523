namespace MockSalesforce.Model;

/// <summary>A user of an org. Mutable switches let tests change the scenario while the mock runs.</summary>
public sealed class MockUser
{
    private readonly HashSet<string> _preAuthorizedConsumerKeys = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private volatile bool _active = true;
    private DateTimeOffset _replicatesAt;

    internal MockUser(string id, string username, MockOrg org, DateTimeOffset replicatesAt)
    {
        Id = id;
        Username = username;
        Org = org;
        _replicatesAt = replicatesAt;
    }

    /// <summary>The 18-character user id (005...).</summary>
    public string Id { get; }

    /// <summary>The username the assertion's <c>sub</c> names (matched case-insensitively).</summary>
    public string Username { get; }

    /// <summary>The org the user belongs to.</summary>
    public MockOrg Org { get; }

    /// <summary>Whether the user is active; an inactive user gets "inactive user".</summary>
    public bool Active { get => _active; set => _active = value; }

    /// <summary>Before this time the user has "not yet replicated" and gets "user hasn't approved this consumer".</summary>
    public DateTimeOffset ReplicatesAt
    {
        get { lock (_gate) return _replicatesAt; }
        set { lock (_gate) _replicatesAt = value; }
    }

    /// <summary>Pre-authorizes the user for a connected app (admin-approved users).</summary>
    public void PreAuthorize(ConnectedApp app) => PreAuthorize(app.ConsumerKey);

    /// <summary>
    /// Pre-authorizes the user for the app with this consumer key, registered or not (scratch org signup
    /// approves whatever ConnectedAppConsumerKey names, e.g. the CLI's PlatformCLI).
    /// </summary>
    public void PreAuthorize(string consumerKey)
    {
        lock (_gate) _preAuthorizedConsumerKeys.Add(consumerKey);
    }

    /// <summary>Removes the pre-authorization for a connected app.</summary>
    public void RevokeAuthorization(ConnectedApp app)
    {
        lock (_gate) _preAuthorizedConsumerKeys.Remove(app.ConsumerKey);
    }

    /// <summary>True when the user is pre-authorized for the app with this consumer key.</summary>
    public bool IsPreAuthorizedFor(string consumerKey)
    {
        lock (_gate) return _preAuthorizedConsumerKeys.Contains(consumerKey);
    }

    /// <summary>Display name used in identity responses.</summary>
    public string DisplayName => Username.Split('@')[0];

    /// <inheritdoc />
    public override string ToString() => $"User {Username} ({Id}) of {Org.Id}";
}
