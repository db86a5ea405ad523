using System;
using System.Collections.Generic;
using System.Linq;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// Aliases and default marks, with the rules both stores share: an alias names one org (giving it
    /// to another org moves it), one default org, one default Dev Hub, and forgetting an org drops all three.
    /// Aliases keep the order they were set in, so an org's last alias is the one it was given last.
    /// Names compare case-insensitively, like Salesforce usernames and PowerShell.
    /// </summary>
    internal sealed class OrgIndex
    {
        private readonly Dictionary<string, (string Alias, string Username, long SetOrder)> _aliases =
            new Dictionary<string, (string Alias, string Username, long SetOrder)>(StringComparer.OrdinalIgnoreCase);
        private long _lastSet;

        public string? DefaultOrg { get; set; }
        public string? DefaultDevHub { get; set; }

        /// <summary>Alias to username, oldest first.</summary>
        public IEnumerable<KeyValuePair<string, string>> Aliases =>
            _aliases.Values.OrderBy(e => e.SetOrder).Select(e => new KeyValuePair<string, string>(e.Alias, e.Username));

        /// <summary>Points <paramref name="alias"/> at <paramref name="username"/> as its newest alias; returns false when it already was.</summary>
        public bool SetAlias(string alias, string username) => SetAlias(alias, username, out _);

        /// <summary>
        /// Points <paramref name="alias"/> at <paramref name="username"/> as its newest alias; returns false when it
        /// already was. <paramref name="movedFrom"/> is the other org the alias was taken from, if any.
        /// </summary>
        public bool SetAlias(string alias, string username, out string? movedFrom)
        {
            movedFrom = null;
            if (_aliases.TryGetValue(alias, out var current))
            {
                if (!SameName(current.Username, username)) movedFrom = current.Username;
                else if (current.Alias == alias && current.Username == username && IsNewestOfItsOrg(current)) return false;
            }
            _aliases[alias] = (alias, username, ++_lastSet);
            return true;
        }

        /// <summary>
        /// Gives <paramref name="username"/> the alias (moved from any other org) and the default marks asked for;
        /// returns whether anything changed, and in <paramref name="moved"/> an alias taken from another org.
        /// </summary>
        public bool Assign(string username, string? alias, bool asDefault, bool asDefaultDevHub, out AliasMove? moved)
        {
            moved = null;
            var changed = false;
            if (alias != null && SetAlias(alias, username, out var from))
            {
                changed = true;
                if (from != null) moved = new AliasMove(alias, from, username);
            }
            if (asDefault && DefaultOrg != username) { DefaultOrg = username; changed = true; }
            if (asDefaultDevHub && DefaultDevHub != username) { DefaultDevHub = username; changed = true; }
            return changed;
        }

        public bool RemoveAlias(string alias) => _aliases.Remove(alias);

        public string? ResolveAlias(string alias) => _aliases.TryGetValue(alias, out var entry) ? entry.Username : null;

        /// <summary>The aliases of <paramref name="username"/> in the order they were set; the last is the newest.</summary>
        public IReadOnlyList<string> AliasesOf(string username) =>
            _aliases.Values.Where(e => SameName(e.Username, username)).OrderBy(e => e.SetOrder).Select(e => e.Alias).ToList();

        /// <summary>A copy of <paramref name="auth"/> with the aliases and default marks this index gives its org.</summary>
        public StoredOrgAuth Mark(StoredOrgAuth auth) =>
            auth.WithMarks(AliasesOf(auth.Username), SameName(auth.Username, DefaultOrg), SameName(auth.Username, DefaultDevHub));

        /// <summary>A copy holding only the aliases and marks whose org <paramref name="exists"/>, in the same order.</summary>
        public OrgIndex Where(Func<string, bool> exists)
        {
            var copy = new OrgIndex
            {
                DefaultOrg = DefaultOrg != null && exists(DefaultOrg) ? DefaultOrg : null,
                DefaultDevHub = DefaultDevHub != null && exists(DefaultDevHub) ? DefaultDevHub : null,
            };
            foreach (var pair in Aliases.Where(p => exists(p.Value))) copy.SetAlias(pair.Key, pair.Value);
            return copy;
        }

        /// <summary>Drops every alias and default mark of <paramref name="username"/>; returns whether anything changed.</summary>
        public bool Forget(string username)
        {
            var changed = false;
            foreach (var alias in _aliases.Values.Where(e => SameName(e.Username, username)).Select(e => e.Alias).ToList())
                changed |= _aliases.Remove(alias);
            if (DefaultOrg != null && SameName(DefaultOrg, username)) { DefaultOrg = null; changed = true; }
            if (DefaultDevHub != null && SameName(DefaultDevHub, username)) { DefaultDevHub = null; changed = true; }
            return changed;
        }

        public static bool SameName(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private bool IsNewestOfItsOrg((string Alias, string Username, long SetOrder) entry) =>
            !_aliases.Values.Any(e => e.SetOrder > entry.SetOrder && SameName(e.Username, entry.Username));
    }
}
