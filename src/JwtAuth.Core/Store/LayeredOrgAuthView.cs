using System;
using System.Linq;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// What a reader sees when both scopes exist: process-scoped auths shadow persisted auths of the same
    /// username, process aliases shadow persisted aliases of the same name, and a process default wins.
    /// To change an auth, use the store named by its <see cref="StoredOrgAuth.Scope"/> (<see cref="StoreFor"/>).
    /// </summary>
    public sealed class LayeredOrgAuthView
    {
        public LayeredOrgAuthView(IOrgAuthStore process, IOrgAuthStore persisted)
        {
            Process = process ?? throw new ArgumentNullException(nameof(process));
            Persisted = persisted ?? throw new ArgumentNullException(nameof(persisted));
        }

        public IOrgAuthStore Process { get; }

        public IOrgAuthStore Persisted { get; }

        /// <summary>The store that holds <paramref name="auth"/>.</summary>
        public IOrgAuthStore StoreFor(StoredOrgAuth auth) =>
            (auth ?? throw new ArgumentNullException(nameof(auth))).Scope == OrgAuthScope.Process ? Process : Persisted;

        public StoreSnapshot ReadAll()
        {
            var process = Process.ReadAll();
            var persisted = Persisted.ReadAll();

            var auths = process.Auths.ToList();
            auths.AddRange(persisted.Auths.Where(p => !process.Auths.Any(a => OrgIndex.SameName(a.Username, p.Username))));

            // Process aliases are applied after the persisted ones: they count as set later (they were set in this process).
            var index = persisted.ToIndex();
            foreach (var pair in process.ToIndex().Aliases) index.SetAlias(pair.Key, pair.Value);
            if (process.DefaultUsername != null) index.DefaultOrg = process.DefaultUsername;
            if (process.DefaultDevHubUsername != null) index.DefaultDevHub = process.DefaultDevHubUsername;

            return StoreSnapshot.Create(auths, index, process.Problems.Concat(persisted.Problems).ToList());
        }

        /// <summary>Like <see cref="IOrgAuthStore.Find"/> over both scopes; a persisted org whose own file is unreadable still throws.</summary>
        internal StoredOrgAuth? Find(string usernameOrAlias)
        {
            if (string.IsNullOrWhiteSpace(usernameOrAlias)) return null;
            var found = ReadAll().Find(usernameOrAlias);
            if (found != null) return found;
            Persisted.Find(usernameOrAlias);
            return null;
        }
    }
}
