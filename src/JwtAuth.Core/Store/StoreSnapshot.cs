using System;
using System.Collections.Generic;
using System.Linq;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// Everything a store held at one read: the auths that could be read (with aliases and default
    /// marks applied) and a problem for every file that could not.
    /// </summary>
    public sealed class StoreSnapshot
    {
        private StoreSnapshot(IReadOnlyList<StoredOrgAuth> auths, IReadOnlyList<StoreProblem> problems,
            IReadOnlyDictionary<string, string> aliases, string? defaultUsername, string? defaultDevHubUsername)
        {
            Auths = auths;
            Problems = problems;
            Aliases = aliases;
            DefaultUsername = defaultUsername;
            DefaultDevHubUsername = defaultDevHubUsername;
        }

        /// <summary>The readable auths, sorted by username.</summary>
        public IReadOnlyList<StoredOrgAuth> Auths { get; }

        /// <summary>Files that could not be read; empty when all is well.</summary>
        public IReadOnlyList<StoreProblem> Problems { get; }

        /// <summary>Alias to username, only for aliases whose org is present.</summary>
        public IReadOnlyDictionary<string, string> Aliases { get; }

        public string? DefaultUsername { get; }

        public string? DefaultDevHubUsername { get; }

        internal StoredOrgAuth? Default => Auths.FirstOrDefault(a => a.IsDefault);

        internal StoredOrgAuth? DefaultDevHub => Auths.FirstOrDefault(a => a.IsDefaultDevHub);

        /// <summary>The auth whose username (first) or alias equals <paramref name="usernameOrAlias"/>, ignoring case.</summary>
        internal StoredOrgAuth? Find(string usernameOrAlias)
        {
            var byName = Auths.FirstOrDefault(a => OrgIndex.SameName(a.Username, usernameOrAlias));
            if (byName != null) return byName;
            return Aliases.TryGetValue(usernameOrAlias, out var username)
                ? Auths.FirstOrDefault(a => OrgIndex.SameName(a.Username, username))
                : null;
        }

        /// <summary>Applies <paramref name="index"/> to <paramref name="auths"/>: aliases and marks that name a missing org are left out.</summary>
        internal static StoreSnapshot Create(IEnumerable<StoredOrgAuth> auths, OrgIndex index, IReadOnlyList<StoreProblem> problems)
        {
            var present = auths.OrderBy(a => a.Username, StringComparer.OrdinalIgnoreCase).ToList();
            bool Exists(string? username) => username != null && present.Any(a => OrgIndex.SameName(a.Username, username));

            var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in index.Aliases.Where(p => Exists(p.Value))) aliases[pair.Key] = pair.Value;
            var defaultOrg = Exists(index.DefaultOrg) ? index.DefaultOrg : null;
            var defaultHub = Exists(index.DefaultDevHub) ? index.DefaultDevHub : null;

            return new StoreSnapshot(present.Select(index.Mark).ToList(), problems, aliases, defaultOrg, defaultHub);
        }

        internal OrgIndex ToIndex()
        {
            var index = new OrgIndex { DefaultOrg = DefaultUsername, DefaultDevHub = DefaultDevHubUsername };
            foreach (var pair in Aliases) index.Aliases[pair.Key] = pair.Value;
            return index;
        }
    }
}
