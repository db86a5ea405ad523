using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using JwtAuth.Core.Errors;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.SfCli
{
    /// <summary>
    /// Forgets an org in the Salesforce CLI like <c>sf org logout</c>: deletes its auth file, its aliases, and every
    /// global config key whose value names it by username or alias, in ~/.sf/config.json and ~/.sfdx/sfdx-config.json.
    /// </summary>
    public sealed class SfCliAuthRemover
    {
        private readonly SfCliPaths _paths;
        private readonly SfCliLockOptions _lockOptions;

        public SfCliAuthRemover(SfCliPaths paths, SfCliLockOptions? lockOptions = null)
        {
            _paths = paths ?? throw new ArgumentNullException(nameof(paths));
            _lockOptions = lockOptions ?? SfCliLockOptions.Default;
        }

        /// <summary>
        /// Removes the org; throws <see cref="SfCliException"/> (SfCliOrgNotFound) when the CLI knows neither the name nor an alias of it.
        /// Cancelling <paramref name="cancellationToken"/> ends a wait for the CLI's locks, before anything is changed.
        /// </summary>
        public SfCliRemoval Remove(string usernameOrAlias, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(usernameOrAlias))
                throw new SfCliException(SfCliErrorIds.OrgNotFound, JwtAuthErrorKind.InvalidArgument,
                    "No org was named.", "Pass the org's username or CLI alias.");

            // Resolve before locking the auth file, whose name depends on the answer; re-checked under the locks.
            var username = SfCliAliasMap.ResolveUsername(SfCliAliasMap.ToDictionary(SfCliJson.ReadObject(_paths.AliasFile)), usernameOrAlias);
            var authFile = _paths.AuthFile(username);

            using var change = SfCliFileSet.Lock(new[] { authFile, _paths.AliasFile, _paths.SfConfigFile, _paths.SfdxConfigFile }, _lockOptions, cancellationToken);
            var aliasFile = change.Read(_paths.AliasFile);
            var aliases = SfCliAliasMap.AliasesOf(SfCliAliasMap.ToDictionary(aliasFile), username);
            var authExists = File.Exists(authFile);
            if (!authExists && aliases.Count == 0)
                throw new SfCliException(SfCliErrorIds.OrgNotFound, JwtAuthErrorKind.ObjectNotFound,
                    $"The Salesforce CLI knows no org named '{usernameOrAlias}' (no auth file '{authFile}' and no such alias).",
                    "Run 'sf org list' or Get-SfOrgAuth -SfCli to see the orgs it knows.", usernameOrAlias);

            var removedConfigKeys = new List<string>();
            var names = new HashSet<string>(aliases, StringComparer.Ordinal) { username };
            foreach (var configPath in new[] { _paths.SfConfigFile, _paths.SfdxConfigFile })
            {
                var config = change.Read(configPath);
                if (config is null) continue;
                var keys = config.Properties()
                    .Where(p => p.Value.Type == JTokenType.String && (names.Contains((string)p.Value!) || string.Equals((string)p.Value!, username, StringComparison.OrdinalIgnoreCase)))
                    .Select(p => p.Name).ToList();
                if (keys.Count == 0) continue;
                foreach (var key in keys) config.Remove(key);
                change.Write(configPath, config, indented: true);
                removedConfigKeys.AddRange(keys.Select(k => Path.GetFileName(configPath) + ": " + k));
            }

            if (aliasFile != null && aliases.Count > 0)
            {
                var orgs = SfCliAliasMap.Orgs(aliasFile);
                foreach (var alias in aliases) orgs.Remove(alias);
                change.Write(_paths.AliasFile, aliasFile, indented: false);
            }

            if (authExists) change.Delete(authFile);
            change.Commit();

            return new SfCliRemoval
            {
                Username = username, RemovedAuthFile = authExists, RemovedAliases = aliases, RemovedConfigKeys = removedConfigKeys,
            };
        }
    }
}
