using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Model;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.SfCli
{
    /// <summary>
    /// Makes an org connected here usable by the Salesforce CLI: writes its auth file without any token
    /// (the CLI mints its own through the JWT flow from clientId, privateKey and loginUrl on first use),
    /// and optionally its alias and default marks. Never needs a secret or the CLI's encryption key.
    /// </summary>
    public sealed class SfCliAuthRegistrar
    {
        private readonly SfCliPaths _paths;
        private readonly SfCliLockOptions _lockOptions;

        public SfCliAuthRegistrar(SfCliPaths paths, SfCliLockOptions? lockOptions = null)
        {
            _paths = paths ?? throw new ArgumentNullException(nameof(paths));
            _lockOptions = lockOptions ?? SfCliLockOptions.Default;
        }

        /// <summary>
        /// Writes or merges <c>~/.sfdx/&lt;username&gt;.json</c>; with <paramref name="alias"/> points that alias
        /// at the org in alias.json; with <paramref name="setDefault"/> / <paramref name="setDefaultDevHub"/> sets
        /// <c>target-org</c> / <c>target-dev-hub</c> in ~/.sf/config.json and their legacy twins in
        /// ~/.sfdx/sfdx-config.json. An existing auth file keeps its other fields but loses its stored tokens.
        /// </summary>
        /// <param name="keyFilePath">Absolute path of the unencrypted PEM key file the CLI will read when it renews.</param>
        public SfCliRegistration Register(OrgAuth auth, string keyFilePath, string? alias, bool setDefault, bool setDefaultDevHub)
        {
            using var pending = Prepare(auth, keyFilePath, alias, setDefault, setDefaultDevHub, CancellationToken.None);
            return pending.Commit();
        }

        /// <summary>
        /// <see cref="Register"/> up to its writes: checks, locks every CLI file it changes and stages their new contents.
        /// Nothing is written until <see cref="SfCliPendingRegistration.Commit"/>; disposing it uncommitted releases the
        /// locks and leaves the files as they were. For a caller that stores the org elsewhere between the two, so that
        /// a wait for the CLI's locks (which <paramref name="cancellationToken"/> ends) comes before anything is written.
        /// </summary>
        public SfCliPendingRegistration Prepare(OrgAuth auth, string keyFilePath, string? alias, bool setDefault, bool setDefaultDevHub,
            CancellationToken cancellationToken)
        {
            var keyFile = EnsureCanRegister(auth, keyFilePath, alias, setDefaultDevHub);

            var authFile = _paths.AuthFile(auth.Username);
            var files = new List<string> { authFile };
            if (alias != null) files.Add(_paths.AliasFile);
            if (setDefault || setDefaultDevHub) { files.Add(_paths.SfConfigFile); files.Add(_paths.SfdxConfigFile); }

            var result = new SfCliRegistration
            {
                Username = auth.Username, AuthFile = authFile, KeyFile = keyFile, Alias = alias,
                SetDefault = setDefault, SetDefaultDevHub = setDefaultDevHub,
            };

            var change = SfCliFileSet.Lock(files, _lockOptions, cancellationToken);
            try
            {
                Stage(change, result, auth, keyFile);
                return new SfCliPendingRegistration(change, result);
            }
            catch
            {
                change.Dispose();
                throw;
            }
        }

        private void Stage(SfCliFileSet change, SfCliRegistration result, OrgAuth auth, string keyFile)
        {
            var authFile = result.AuthFile;
            var existing = change.Read(authFile);
            result.UpdatedExistingAuth = existing != null;
            var fields = existing ?? new JObject();
            result.RemovedStoredTokens = fields.Remove(SfCliAuthFields.AccessToken) | fields.Remove(SfCliAuthFields.RefreshToken);
            Fill(fields, auth, keyFile);
            change.Write(authFile, fields, indented: true);

            if (result.Alias is { } alias)
            {
                var aliases = change.Read(_paths.AliasFile) ?? new JObject();
                SfCliAliasMap.Orgs(aliases)[alias] = auth.Username;
                change.Write(_paths.AliasFile, aliases, indented: false);
            }

            if (result.SetDefault || result.SetDefaultDevHub)
            {
                // The CLI's --set-default stores the alias when there is one, else the username.
                var value = result.Alias ?? auth.Username;
                var sfConfig = change.Read(_paths.SfConfigFile) ?? new JObject();
                var sfdxConfig = change.Read(_paths.SfdxConfigFile) ?? new JObject();
                if (result.SetDefault) { sfConfig[SfCliAuthFields.TargetOrg] = value; sfdxConfig[SfCliAuthFields.LegacyTargetOrg] = value; }
                if (result.SetDefaultDevHub) { sfConfig[SfCliAuthFields.TargetDevHub] = value; sfdxConfig[SfCliAuthFields.LegacyTargetDevHub] = value; }
                change.Write(_paths.SfConfigFile, sfConfig, indented: true);
                change.Write(_paths.SfdxConfigFile, sfdxConfig, indented: true);
            }
        }

        /// <summary>
        /// The checks <see cref="Register"/> makes before it writes anything, for callers that must know the hand-over
        /// will be accepted before they change anything else. Throws <see cref="SfCliException"/>; returns the key file's absolute path.
        /// </summary>
        public string EnsureCanRegister(OrgAuth auth, string keyFilePath, string? alias, bool setDefaultDevHub)
        {
            if (auth is null) throw new ArgumentNullException(nameof(auth));
            RequireComplete(auth);
            _paths.AuthFile(auth.Username); // a username that cannot name a CLI auth file
            var keyFile = SfCliKeyRequirement.EnsureUsable(SfCliKeySource.KeyFile, keyFilePath);
            if (alias != null) RequireValidAlias(alias);
            if (setDefaultDevHub && auth.OrgType != OrgType.DevHub && auth.OrgType != OrgType.Unknown)
                throw new SfCliException(SfCliErrorIds.NotADevHub, JwtAuthErrorKind.InvalidArgument,
                    $"'{auth.Username}' is a {auth.OrgType} org, not a Dev Hub; the CLI would fail to create scratch orgs with it.",
                    "Set the default Dev Hub only for a Dev Hub org, or leave that switch out.", auth.Username);
            return keyFile;
        }

        private static void Fill(JObject fields, OrgAuth auth, string keyFile)
        {
            fields[SfCliAuthFields.Username] = auth.Username;
            fields[SfCliAuthFields.OrgId] = auth.OrgId;
            if (!string.IsNullOrEmpty(auth.UserId)) fields[SfCliAuthFields.UserId] = auth.UserId;
            // Without loginUrl the CLI renews against login.salesforce.com, whatever the org's My Domain.
            fields[SfCliAuthFields.LoginUrl] = auth.LoginUrl;
            fields[SfCliAuthFields.InstanceUrl] = auth.InstanceUrl;
            fields[SfCliAuthFields.ClientId] = auth.ClientId;
            fields[SfCliAuthFields.PrivateKey] = keyFile;

            if (auth.OrgType != OrgType.Unknown)
            {
                fields[SfCliAuthFields.IsDevHub] = auth.OrgType == OrgType.DevHub;
                fields[SfCliAuthFields.IsSandbox] = auth.OrgType == OrgType.Sandbox;
                fields[SfCliAuthFields.IsScratch] = auth.OrgType == OrgType.Scratch;
            }
            else if (fields[SfCliAuthFields.IsDevHub] == null)
            {
                fields[SfCliAuthFields.IsDevHub] = false;
            }

            if (auth.ScratchOrg is { } origin) FillScratchOrg(fields, origin);
            if (!string.IsNullOrEmpty(auth.ApiVersion)) fields[SfCliAuthFields.InstanceApiVersion] = auth.ApiVersion;
            // OrgName is set only when the Organization query answered; then null namespace/trial are facts too.
            if (auth.OrgName != null)
            {
                fields[SfCliAuthFields.Name] = auth.OrgName;
                if (auth.InstanceName != null) fields[SfCliAuthFields.InstanceName] = auth.InstanceName;
                fields[SfCliAuthFields.NamespacePrefix] = auth.NamespacePrefix is null ? JValue.CreateNull() : new JValue(auth.NamespacePrefix);
                fields[SfCliAuthFields.TrialExpirationDate] = auth.TrialExpirationDate is { } trial
                    ? new JValue(trial.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture))
                    : JValue.CreateNull();
            }
        }

        private static void FillScratchOrg(JObject fields, ScratchOrgOrigin origin)
        {
            fields[SfCliAuthFields.DevHubUsername] = origin.DevHubUsername;
            if (origin.ExpirationDate is { } expires) fields[SfCliAuthFields.ExpirationDate] = expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            // sfdx-core writes the creation time as epoch milliseconds in a string.
            if (origin.CreatedDate is { } created) fields[SfCliAuthFields.Created] = created.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            if (!string.IsNullOrEmpty(origin.SignupInstance)) fields[SfCliAuthFields.CreatedOrgInstance] = origin.SignupInstance;
        }

        private static void RequireComplete(OrgAuth auth)
        {
            var missing = new (string Name, string? Value)[]
                {
                    ("Username", auth.Username), ("OrgId", auth.OrgId), ("InstanceUrl", auth.InstanceUrl),
                    ("LoginUrl", auth.LoginUrl), ("ClientId", auth.ClientId),
                }
                .Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => f.Name).ToList();
            if (missing.Count > 0)
                throw new SfCliException(SfCliErrorIds.AuthIncomplete, JwtAuthErrorKind.InvalidArgument,
                    $"The org auth lacks {string.Join(", ", missing)}, which the Salesforce CLI needs to renew the session itself.",
                    "Pass the auth a successful JWT login returned.", auth.Username);
        }

        internal static void RequireValidAlias(string alias)
        {
            if (alias.Length == 0 || alias.Any(char.IsWhiteSpace))
                throw new SfCliException(SfCliErrorIds.InvalidAlias, JwtAuthErrorKind.InvalidArgument,
                    $"'{alias}' cannot be a Salesforce CLI alias: it is empty or contains white space.",
                    "Choose an alias without spaces, e.g. 'my-devhub'.", alias);
        }
    }
}
