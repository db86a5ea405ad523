using MockSalesforce.Model;

namespace MockSalesforce.Scratch;

/// <summary>
/// One ScratchOrgInfo record of a Dev Hub: the insert, its signup timeline and its outcome. The status is read off the
/// mock clock (New for the first fifth of the provisioning time, Creating until <see cref="ReadyAt"/>, then Active or
/// Error; Deleted once deleted or past <see cref="ExpiresAt"/>), so nothing runs in the background and
/// <see cref="MockClock.Advance"/> moves a signup along without sleeping.
/// </summary>
public sealed class ScratchOrgSignup
{
    private readonly object _gate = new();
    private readonly MockClock _clock;
    private readonly string? _signupUsername;
    private DateTimeOffset _readyAt;
    private DateTimeOffset _expiresAt;
    private DateTimeOffset? _deletedAt;
    private MockUser? _deletedBy;
    private string? _errorCode;
    private MockUser? _admin;

    internal ScratchOrgSignup(string id, MockOrg hub, MockUser? createdBy, ScratchOrgRequest request, string? signupUsername,
        string? consumerKey, DateTimeOffset createdAt, TimeSpan provisioning, TimeSpan replicationDelay, MockClock clock)
    {
        ConnectedAppConsumerKey = consumerKey;
        Id = id;
        ActiveScratchOrgId = SalesforceId.New("2AS");
        Hub = hub;
        CreatedBy = createdBy;
        Request = request;
        _signupUsername = signupUsername;
        CreatedAt = createdAt;
        ReplicationDelay = replicationDelay;
        _readyAt = createdAt + provisioning;
        _expiresAt = createdAt + TimeSpan.FromDays(request.DurationDays);
        _clock = clock;
    }

    /// <summary>The ScratchOrgInfo id (2SR...).</summary>
    public string Id { get; }

    /// <summary>The id of the ActiveScratchOrg row while the org is active (2AS...).</summary>
    public string ActiveScratchOrgId { get; }

    /// <summary>The Dev Hub the record lives in.</summary>
    public MockOrg Hub { get; }

    /// <summary>The hub user whose token inserted it (null for orgs added with AddOrg).</summary>
    public MockUser? CreatedBy { get; }

    /// <summary>When it was inserted (mock clock).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The app the admin is pre-authorized for: the insert's ConnectedAppConsumerKey, or PlatformCLI.</summary>
    public string? ConnectedAppConsumerKey { get; }

    /// <summary>The inserted fields.</summary>
    public ScratchOrgRequest Request { get; }

    /// <summary>The new org; null when the signup fails (it never existed).</summary>
    public MockOrg? Org { get; internal set; }

    /// <summary>The org's admin (the signup user; for AddOrg orgs, the first user added).</summary>
    public MockUser? Admin
    {
        get { lock (_gate) return _admin; }
        internal set { lock (_gate) { _admin = value; ApplyReplication(); } }
    }

    /// <summary>SignupUsername: the insert's Username (lower-cased) or the generated test-...@example.com.</summary>
    public string? SignupUsername => _signupUsername ?? Admin?.Username;

    /// <summary>How long after <see cref="ReadyAt"/> the admin gets "user hasn't approved this consumer".</summary>
    public TimeSpan ReplicationDelay { get; }

    /// <summary>When the signup completes (Active or Error); moving it also moves the admin's replication.</summary>
    public DateTimeOffset ReadyAt
    {
        get { lock (_gate) return _readyAt; }
        set { lock (_gate) { _readyAt = value; ApplyReplication(); } }
    }

    /// <summary>When the org expires (CreatedDate + DurationDays); set it in the past to expire the org now.</summary>
    public DateTimeOffset ExpiresAt
    {
        get { lock (_gate) return _expiresAt; }
        set { lock (_gate) _expiresAt = value; }
    }

    /// <summary>When the org was deleted through ActiveScratchOrg, or null.</summary>
    public DateTimeOffset? DeletedAt
    {
        get { lock (_gate) return _deletedAt; }
    }

    /// <summary>The hub user who deleted the org, or null.</summary>
    public MockUser? DeletedBy
    {
        get { lock (_gate) return _deletedBy; }
    }

    /// <summary>The ErrorCode the signup ends with at <see cref="ReadyAt"/> (e.g. C-1016); null: it succeeds.</summary>
    public string? PlannedErrorCode
    {
        get { lock (_gate) return _errorCode; }
        set { lock (_gate) _errorCode = value; }
    }

    /// <summary>ScratchOrgInfo.ErrorCode now: set only once the status is Error.</summary>
    public string? ErrorCode => Status == ScratchOrgStatus.Error ? PlannedErrorCode : null;

    /// <summary>The one-time code Salesforce fills in only when the named app has no certificate (PlatformCLI).</summary>
    public string? AuthCode { get; internal set; }

    /// <summary>The status now.</summary>
    public ScratchOrgStatus Status => StatusAt(_clock.UtcNow);

    /// <summary>The status at a given time.</summary>
    public ScratchOrgStatus StatusAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_deletedAt <= now) return ScratchOrgStatus.Deleted;
            if (now < _readyAt)
                return now - CreatedAt < (_readyAt - CreatedAt) / 5 ? ScratchOrgStatus.New : ScratchOrgStatus.Creating;
            if (_errorCode is not null || Org is null) return ScratchOrgStatus.Error;
            return now >= _expiresAt ? ScratchOrgStatus.Deleted : ScratchOrgStatus.Active;
        }
    }

    /// <summary>ExpirationDate, shown once the org is active.</summary>
    public DateOnly ExpirationDate => DateOnly.FromDateTime(ExpiresAt.UtcDateTime);

    /// <summary>Marks an active org deleted; false when it is not active (already deleted, expired, failed, not ready).</summary>
    internal bool TryDelete(DateTimeOffset now, MockUser deletedBy)
    {
        lock (_gate)
        {
            if (StatusAt(now) != ScratchOrgStatus.Active) return false;
            _deletedAt = now;
            _deletedBy = deletedBy;
            return true;
        }
    }

    private void ApplyReplication()
    {
        // Inserted orgs' admins replicate ReplicationDelay after the signup completes; AddOrg users keep their own.
        if (_admin is not null && _signupUsername is not null) _admin.ReplicatesAt = _readyAt + ReplicationDelay;
    }

    /// <inheritdoc />
    public override string ToString() => $"ScratchOrgInfo {Id} ({SignupUsername}, {Status})";
}
