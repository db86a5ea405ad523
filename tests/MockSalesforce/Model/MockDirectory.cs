using System.Collections.Concurrent;

namespace MockSalesforce.Model;

/// <summary>The mock's thread-safe registry of connected apps, orgs and users.</summary>
public sealed class MockDirectory
{
    private readonly ConcurrentDictionary<string, ConnectedApp> _apps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MockOrg> _orgs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MockUser> _users = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>All connected apps.</summary>
    public IReadOnlyCollection<ConnectedApp> Apps => _apps.Values.ToArray();

    /// <summary>All orgs.</summary>
    public IReadOnlyCollection<MockOrg> Orgs => _orgs.Values.ToArray();

    /// <summary>All users.</summary>
    public IReadOnlyCollection<MockUser> Users => _users.Values.ToArray();

    internal ConnectedApp Add(ConnectedApp app)
    {
        _apps[app.ConsumerKey] = app;
        return app;
    }

    internal MockOrg Add(MockOrg org)
    {
        if (!_orgs.TryAdd(org.Id, org)) throw new ArgumentException($"An org with id {org.Id} already exists.");
        return org;
    }

    internal MockUser Add(MockUser user)
    {
        if (!_users.TryAdd(user.Username, user)) throw new ArgumentException($"A user named {user.Username} already exists.");
        return user;
    }

    /// <summary>Takes back a user whose org could not be admitted (a refused scratch org signup).</summary>
    internal void Remove(MockUser user) => _users.TryRemove(new KeyValuePair<string, MockUser>(user.Username, user));

    /// <summary>Takes back an org that was never admitted.</summary>
    internal void Remove(MockOrg org) => _orgs.TryRemove(new KeyValuePair<string, MockOrg>(org.Id, org));

    /// <summary>The app with this consumer key, or null.</summary>
    public ConnectedApp? FindApp(string? consumerKey) =>
        consumerKey is not null && _apps.TryGetValue(consumerKey, out var app) ? app : null;

    /// <summary>The org with this 18- or 15-character id, or null.</summary>
    public MockOrg? FindOrg(string? orgId)
    {
        if (orgId is null) return null;
        if (_orgs.TryGetValue(orgId, out var org)) return org;
        return orgId.Length == 15 ? _orgs.Values.FirstOrDefault(o => o.Id.StartsWith(orgId, StringComparison.Ordinal)) : null;
    }

    /// <summary>The user with this username (case-insensitive), or null.</summary>
    public MockUser? FindUser(string? username) =>
        username is not null && _users.TryGetValue(username, out var user) ? user : null;

    /// <summary>The user with this id, or null.</summary>
    public MockUser? FindUserById(string? userId) =>
        _users.Values.FirstOrDefault(u => u.Id == userId || (userId?.Length == 15 && u.Id.StartsWith(userId, StringComparison.Ordinal)));

    internal void Clear()
    {
        _apps.Clear();
        _orgs.Clear();
        _users.Clear();
    }
}
