using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using JwtAuth.Core.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.SfCli
{
    /// <summary>
    /// Lists the orgs the Salesforce CLI knows, from its auth files, aliases and default marks, and tells which of
    /// them can be used here through the JWT flow. Token fields are only checked for presence: their values are
    /// skipped while parsing and never kept.
    /// </summary>
    public sealed class SfCliAuthReader
    {
        private static readonly TimeSpan MaxLockWait = TimeSpan.FromSeconds(2);
        private readonly SfCliPaths _paths;
        private readonly SfCliLockOptions _lockOptions;

        public SfCliAuthReader(SfCliPaths paths, SfCliLockOptions? lockOptions = null)
        {
            _paths = paths ?? throw new ArgumentNullException(nameof(paths));
            _lockOptions = lockOptions ?? SfCliLockOptions.Default;
        }

        /// <summary>Every org with an auth file in ~/.sfdx, sorted by username. Throws <see cref="SfCliException"/> for an unreadable alias.json.</summary>
        public IReadOnlyList<SfCliOrg> ListOrgs() => ListOrgs(null);

        /// <summary>
        /// Every org with an auth file in ~/.sfdx, sorted by username. With <paramref name="problems"/>, an unreadable
        /// alias.json is added there and the orgs are listed without aliases, so one damaged file does not hide every org.
        /// </summary>
        public IReadOnlyList<SfCliOrg> ListOrgs(ICollection<SfCliException>? problems)
        {
            if (!Directory.Exists(_paths.SfdxDirectory)) return new SfCliOrg[0];
            IReadOnlyDictionary<string, string> aliases;
            try
            {
                aliases = ReadAliases();
            }
            catch (SfCliException ex) when (problems != null)
            {
                problems.Add(ex);
                aliases = new Dictionary<string, string>();
            }
            var defaults = ReadDefaults(aliases);

            var orgs = new List<SfCliOrg>();
            foreach (var file in Directory.GetFiles(_paths.SfdxDirectory, "*.json"))
            {
                SfCliFileLock.WaitWhileLocked(file, _lockOptions, MaxLockWait);
                var org = ReadAuthFile(file);
                if (org is null) continue;
                org.Aliases = SfCliAliasMap.AliasesOf(aliases, org.Username);
                org.IsDefault = defaults.Org != null && string.Equals(defaults.Org, org.Username, StringComparison.OrdinalIgnoreCase);
                org.IsDefaultDevHub = defaults.DevHub != null && string.Equals(defaults.DevHub, org.Username, StringComparison.OrdinalIgnoreCase);
                orgs.Add(org);
            }
            return orgs.OrderBy(o => o.Username, StringComparer.OrdinalIgnoreCase).ToList();
        }

        /// <summary>The org an alias or username names, or null when the CLI has no auth for it.</summary>
        public SfCliOrg? Find(string usernameOrAlias)
        {
            var username = SfCliAliasMap.ResolveUsername(ReadAliases(), usernameOrAlias);
            return ListOrgs().FirstOrDefault(o => string.Equals(o.Username, username, StringComparison.OrdinalIgnoreCase));
        }

        private IReadOnlyDictionary<string, string> ReadAliases()
        {
            SfCliFileLock.WaitWhileLocked(_paths.AliasFile, _lockOptions, MaxLockWait);
            return SfCliAliasMap.ToDictionary(SfCliJson.ReadObject(_paths.AliasFile));
        }

        private (string? Org, string? DevHub) ReadDefaults(IReadOnlyDictionary<string, string> aliases)
        {
            // ~/.sf/config.json wins; the legacy sfdx-config.json fills what it lacks.
            JObject? sf = SafeRead(_paths.SfConfigFile), sfdx = SafeRead(_paths.SfdxConfigFile);
            string? Value(JObject? o, string key) => o?[key]?.Type == JTokenType.String ? (string?)o[key] : null;
            var org = Value(sf, SfCliAuthFields.TargetOrg) ?? Value(sfdx, SfCliAuthFields.LegacyTargetOrg);
            var hub = Value(sf, SfCliAuthFields.TargetDevHub) ?? Value(sfdx, SfCliAuthFields.LegacyTargetDevHub);
            return (org is null ? null : SfCliAliasMap.ResolveUsername(aliases, org), hub is null ? null : SfCliAliasMap.ResolveUsername(aliases, hub));
        }

        private static JObject? SafeRead(string path)
        {
            try { return SfCliJson.ReadObject(path); }
            catch (SfCliException) { return null; } // a broken config file only loses the default marks
        }

        /// <summary>An org from one ~/.sfdx/*.json, or null when the file is not an auth file (alias.json, key.json, ...).</summary>
        internal static SfCliOrg? ReadAuthFile(string path)
        {
            var fileName = Path.GetFileNameWithoutExtension(path);
            Dictionary<string, JToken> fields;
            HashSet<string> tokenFields;
            try
            {
                (fields, tokenFields) = ReadWithoutSecrets(path);
            }
            catch (Exception e) when (e is JsonException || e is IOException || e is UnauthorizedAccessException || e is InvalidDataException)
            {
                // Auth files are named after their username; other unreadable JSON files are none of ours.
                if (fileName.IndexOf('@') < 0) return null;
                return new SfCliOrg
                {
                    Username = fileName, AuthFile = path, AuthMethod = SfCliAuthMethod.Unknown,
                    CannotImportReason = $"Its auth file '{path}' cannot be read as JSON ({e.GetType().Name}).",
                };
            }

            string? Text(string name) => fields.TryGetValue(name, out var v) && v.Type == JTokenType.String ? (string?)v : null;
            bool Flag(string name) => fields.TryGetValue(name, out var v) && v.Type == JTokenType.Boolean && (bool)v;

            var username = Text(SfCliAuthFields.Username);
            if (string.IsNullOrEmpty(username) || (Text(SfCliAuthFields.OrgId) is null && Text(SfCliAuthFields.InstanceUrl) is null)) return null;

            var org = new SfCliOrg
            {
                Username = username!,
                OrgId = Text(SfCliAuthFields.OrgId),
                InstanceUrl = Text(SfCliAuthFields.InstanceUrl),
                LoginUrl = Text(SfCliAuthFields.LoginUrl),
                ClientId = Text(SfCliAuthFields.ClientId),
                KeyFile = Text(SfCliAuthFields.PrivateKey),
                InstanceApiVersion = Text(SfCliAuthFields.InstanceApiVersion),
                OrgType = Flag(SfCliAuthFields.IsDevHub) ? OrgType.DevHub
                    : Flag(SfCliAuthFields.IsScratch) ? OrgType.Scratch
                    : Flag(SfCliAuthFields.IsSandbox) ? OrgType.Sandbox
                    : fields.ContainsKey(SfCliAuthFields.IsDevHub) || fields.ContainsKey(SfCliAuthFields.IsSandbox) ? OrgType.Production
                    : OrgType.Unknown,
                AuthFile = path,
            };
            org.AuthMethod = !string.IsNullOrEmpty(org.KeyFile) && !string.IsNullOrEmpty(org.ClientId) ? SfCliAuthMethod.Jwt
                : tokenFields.Contains(SfCliAuthFields.RefreshToken) ? SfCliAuthMethod.RefreshToken
                : tokenFields.Contains(SfCliAuthFields.AccessToken) ? SfCliAuthMethod.AccessTokenOnly
                : SfCliAuthMethod.Unknown;
            org.CannotImportReason = WhyNotImportable(org);
            org.CanImport = org.CannotImportReason is null;
            return org;
        }

        private static string? WhyNotImportable(SfCliOrg org)
        {
            switch (org.AuthMethod)
            {
                case SfCliAuthMethod.RefreshToken:
                    return "The CLI authorized it through a web or device login (a refresh token), which holds no key for the JWT flow. Connect it here with Connect-SfOrgJwt and a connected app's key instead.";
                case SfCliAuthMethod.AccessTokenOnly:
                    return "The CLI holds only an access token for it, with nothing to renew it. Connect it here with Connect-SfOrgJwt and a connected app's key instead.";
                case SfCliAuthMethod.Unknown:
                    return "Its auth file has neither a JWT key nor a refresh token.";
            }
            if (string.IsNullOrEmpty(org.OrgId) || string.IsNullOrEmpty(org.InstanceUrl))
                return "Its auth file lacks orgId or instanceUrl.";
            if (!Path.IsPathRooted(org.KeyFile!))
                return $"Its key file path '{org.KeyFile}' is relative, so it cannot be located.";
            switch (SfCliKeyRequirement.SniffKeyFile(org.KeyFile!))
            {
                case SfCliKeyFileFormat.UnencryptedPem: return null;
                case SfCliKeyFileFormat.Missing: return $"Its key file '{org.KeyFile}' no longer exists.";
                default: return $"Its key file '{org.KeyFile}' holds no unencrypted PEM private key.";
            }
        }

        private static readonly HashSet<string> KeptFields = new HashSet<string>(StringComparer.Ordinal)
        {
            SfCliAuthFields.Username, SfCliAuthFields.OrgId, SfCliAuthFields.InstanceUrl, SfCliAuthFields.LoginUrl,
            SfCliAuthFields.ClientId, SfCliAuthFields.PrivateKey, SfCliAuthFields.InstanceApiVersion,
            SfCliAuthFields.IsDevHub, SfCliAuthFields.IsSandbox, SfCliAuthFields.IsScratch,
        };

        /// <summary>
        /// The few top-level fields we use from a JSON object file. Everything else is skipped without being kept;
        /// of the secrets (the CLI encrypts any field whose name holds token, password or secret) only the names are noted.
        /// </summary>
        private static (Dictionary<string, JToken> Fields, HashSet<string> SecretNames) ReadWithoutSecrets(string path)
        {
            var fields = new Dictionary<string, JToken>(StringComparer.Ordinal);
            var secrets = new HashSet<string>(StringComparer.Ordinal);
            using var reader = SfCliJson.CreateReader(new StreamReader(path));
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject) throw new InvalidDataException("not a JSON object");
            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                if (!reader.Read()) break;
                if (KeptFields.Contains(name))
                {
                    fields[name] = JToken.ReadFrom(reader);
                }
                else
                {
                    if (IsSecretName(name)) secrets.Add(name);
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonToken.EndObject) throw new InvalidDataException("truncated JSON object");
            return (fields, secrets);
        }

        private static bool IsSecretName(string name) =>
            name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
