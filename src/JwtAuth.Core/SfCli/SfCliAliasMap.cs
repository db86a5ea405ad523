using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.SfCli
{
    /// <summary>The org aliases in <c>~/.sfdx/alias.json</c>: <c>{"orgs":{"&lt;alias&gt;":"&lt;username&gt;"}}</c>.</summary>
    internal static class SfCliAliasMap
    {
        /// <summary>The <c>orgs</c> group of a parsed alias.json (created when missing).</summary>
        public static JObject Orgs(JObject file)
        {
            if (file[SfCliAuthFields.AliasGroup] is JObject orgs) return orgs;
            orgs = new JObject();
            file[SfCliAuthFields.AliasGroup] = orgs;
            return orgs;
        }

        public static IReadOnlyDictionary<string, string> ToDictionary(JObject? file)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (file?[SfCliAuthFields.AliasGroup] is JObject orgs)
                foreach (var property in orgs.Properties())
                    if (property.Value.Type == JTokenType.String) result[property.Name] = (string)property.Value!;
            return result;
        }

        public static IReadOnlyList<string> AliasesOf(IReadOnlyDictionary<string, string> aliases, string username) =>
            aliases.Where(a => string.Equals(a.Value, username, StringComparison.OrdinalIgnoreCase)).Select(a => a.Key).OrderBy(a => a, StringComparer.Ordinal).ToList();

        /// <summary>The CLI's resolveUsername: an alias gives its username, anything else is taken as a username.</summary>
        public static string ResolveUsername(IReadOnlyDictionary<string, string> aliases, string usernameOrAlias) =>
            aliases.TryGetValue(usernameOrAlias, out var username) ? username : usernameOrAlias;
    }
}
