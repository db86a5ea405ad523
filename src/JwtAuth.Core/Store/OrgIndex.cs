using System;
using System.Collections.Generic;
using System.Linq;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// Aliases and default marks, with the rules both stores share: an alias names one org (giving it
    /// to another org moves it), one default org, one default Dev Hub, and forgetting an org drops all three.
    /// Names compare case-insensitively, like Salesforce usernames and PowerShell.
    /// </summary>
    internal sealed class OrgIndex
    {
        public Dictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public string? DefaultOrg { get; set; }
        public string? DefaultDevHub { get; set; }

        /// <summary>Points <paramref name="alias"/> at <paramref name="username"/>; returns false when it already did.</summary>
        public bool SetAlias(string alias, string username)
        {
            if (Aliases.TryGetValue(alias, out var current) && current == username && Aliases.Keys.Contains(alias, StringComparer.Ordinal))
                return false;
            Aliases.Remove(alias);
            Aliases[alias] = username;
            return true;
        }

        /// <summary>Gives <paramref name="username"/> the alias (moved from any other org) and the default marks asked for; returns whether anything changed.</summary>
        public bool Assign(string username, string? alias, bool asDefault, bool asDefaultDevHub)
        {
            var changed = alias != null && SetAlias(alias, username);
            if (asDefault && DefaultOrg != username) { DefaultOrg = username; changed = true; }
            if (asDefaultDevHub && DefaultDevHub != username) { DefaultDevHub = username; changed = true; }
            return changed;
        }

        public bool RemoveAlias(string alias) => Aliases.Remove(alias);

        public string? ResolveAlias(string alias) => Aliases.TryGetValue(alias, out var username) ? username : null;

        public IReadOnlyList<string> AliasesOf(string username) =>
            Aliases.Where(p => SameName(p.Value, username)).Select(p => p.Key)
                .OrderBy(a => a, StringComparer.OrdinalIgnoreCase).ToList();

        /// <summary>A copy of <paramref name="auth"/> with the aliases and default marks this index gives its org.</summary>
        public StoredOrgAuth Mark(StoredOrgAuth auth) =>
            auth.WithMarks(AliasesOf(auth.Username), SameName(auth.Username, DefaultOrg), SameName(auth.Username, DefaultDevHub));

        /// <summary>Drops every alias and default mark of <paramref name="username"/>; returns whether anything changed.</summary>
        public bool Forget(string username)
        {
            var changed = false;
            foreach (var alias in Aliases.Where(p => SameName(p.Value, username)).Select(p => p.Key).ToList())
                changed |= Aliases.Remove(alias);
            if (DefaultOrg != null && SameName(DefaultOrg, username)) { DefaultOrg = null; changed = true; }
            if (DefaultDevHub != null && SameName(DefaultDevHub, username)) { DefaultDevHub = null; changed = true; }
            return changed;
        }

        public static bool SameName(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
