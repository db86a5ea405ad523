namespace MockSalesforce.Model;

/// <summary>A session the token endpoint issued; the access token itself is kept only as the lookup key.</summary>
public sealed class Session
{
    internal Session(MockUser user, ConnectedApp app, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        User = user;
        App = app;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>Whose session this is.</summary>
    public MockUser User { get; }

    /// <summary>The connected app that minted it.</summary>
    public ConnectedApp App { get; }

    /// <summary>When the token was issued.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>When the session times out (issue time plus the configured session lifetime).</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>True once revoked through the control API or <see cref="SessionStore.Revoke(MockUser)"/>.</summary>
    public bool Revoked { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"Session of {User.Username} until {ExpiresAt:O}";
}
