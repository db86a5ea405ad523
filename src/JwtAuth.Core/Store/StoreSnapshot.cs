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
        // The aliases and marks of the present orgs, in the order the aliases were set.
        private readonly OrgIndex _index;

        private StoreSnapshot(IReadOnlyList<StoredOrgAuth> auths, IReadOnlyList<StoreProblem> problems, OrgIndex index)
        {
            Auths = auths;
            Problems = problems;
            _index = index;
            var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in index.Aliases) aliases[pair.Key] = pair.Value;
            Aliases = aliases;
        }

        /// <summary>The readable auths, sorted by username.</summary>
        public IReadOnlyList<StoredOrgAuth> Auths { get; }

        /// <summary>Files that could not be read; empty when all is well.</summary>
        public IReadOnlyList<StoreProblem> Problems { get; }

        /// <summary>Alias to username, only for aliases whose org is present.</summary>
        public IReadOnlyDictionary<string, string> Aliases { get; }

        public string? DefaultUsername => _index.DefaultOrg;

        public string? DefaultDevHubUsername => _index.DefaultDevHub;

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
            var marks = index.Where(username => present.Any(a => OrgIndex.SameName(a.Username, username)));
            return new StoreSnapshot(present.Select(marks.Mark).ToList(), problems, marks);
        }

        /// <summary>A copy of the aliases (in the order they were set) and marks, to layer another scope's on top.</summary>
        internal OrgIndex ToIndex() => _index.Where(_ => true);
    }
}
