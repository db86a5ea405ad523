using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MockSalesforce.Model;

/// <summary>Issued access tokens and the sessions behind them.</summary>
public sealed class SessionStore
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly MockClock _clock;
    private readonly Func<TimeSpan> _lifetime;

    internal SessionStore(MockClock clock, Func<TimeSpan> lifetime)
    {
        _clock = clock;
        _lifetime = lifetime;
    }

    /// <summary>How many tokens were issued and not reset.</summary>
    public int Count => _sessions.Count;

    /// <summary>Issues an opaque token shaped like Salesforce's: the 15-character org id, '!', random text.</summary>
    internal (string AccessToken, Session Session) Issue(MockUser user, ConnectedApp app)
    {
        var now = _clock.UtcNow;
        var session = new Session(user, app, now, now + _lifetime());
        string token;
        do
        {
            token = user.Org.Id[..15] + "!AQ" + RandomTokenText(72);
        } while (!_sessions.TryAdd(token, session));
        return (token, session);
    }

    /// <summary>The live session for a token, or null when unknown, expired, revoked, or its scratch org is gone.</summary>
    public Session? FindLive(string? accessToken)
    {
        if (accessToken is null || !_sessions.TryGetValue(accessToken, out var session)) return null;
        var now = _clock.UtcNow;
        if (session.Revoked || now >= session.ExpiresAt || !session.User.Org.IsLiveAt(now)) return null;
        return session;
    }

    /// <summary>Revokes every session of the org's users (its scratch org was deleted).</summary>
    internal int Revoke(MockOrg org) => RevokeWhere(s => s.User.Org == org);

    /// <summary>Revokes every session of a user; returns how many were live.</summary>
    public int Revoke(MockUser user) => RevokeWhere(s => s.User == user);

    /// <summary>Revokes every session.</summary>
    public int RevokeAll() => RevokeWhere(_ => true);

    internal void Clear() => _sessions.Clear();

    private int RevokeWhere(Func<Session, bool> predicate)
    {
        int count = 0;
        foreach (var session in _sessions.Values.Where(predicate))
        {
            if (!session.Revoked) count++;
            session.Revoked = true;
        }
        return count;
    }

    private static string RandomTokenText(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return new string(chars);
    }
}
