using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// The refusals the Salesforce CLI makes before it inserts anything (sfdx-core's scratchOrgInfoGenerator and
    /// scratchOrgInfoApi), plus type checks on the keys JwtAuth itself reads. Known keys match case-insensitively
    /// because Salesforce's field names do.
    /// </summary>
    internal static class DefinitionFileRules
    {
        private static readonly string[] NotWithSnapshot = { "features", "orgPreferences", "edition", "sourceOrg", "settingsPath", "releaseVersion" };

        private static readonly string[] SetByJwtAuth = { "connectedAppConsumerKey", "connectedAppCallbackUrl" };

        public static void Check(JObject definition, string? definitionFile)
        {
            foreach (var property in definition.Properties())
            {
                if (!JsonKeyCase.StartsLowerCase(property.Name))
                    throw ScratchOrgDefinitionErrors.InvalidCasing(definitionFile, property.Name);
            }
            if (Find(definition, "durationDays") is JProperty duration)
                throw ScratchOrgDefinitionErrors.DurationDaysInFile(definitionFile, duration.Name);
            if (Find(definition, "snapshot") != null)
            {
                var conflicts = definition.Properties().Select(p => p.Name)
                    .Where(name => NotWithSnapshot.Contains(name, StringComparer.OrdinalIgnoreCase)).ToArray();
                if (conflicts.Length > 0)
                    throw ScratchOrgDefinitionErrors.SnapshotConflict(definitionFile, string.Join(", ", conflicts.Select(c => $"'{c}'")));
            }
            if (Find(definition, "orgPreferences") != null)
                throw ScratchOrgDefinitionErrors.OrgPreferences(definitionFile);
            if (Find(definition, "package2AncestorIds") is JProperty ancestors)
                throw ScratchOrgDefinitionErrors.AncestorIds(definitionFile, ancestors.Name);
            foreach (var key in SetByJwtAuth)
            {
                if (Find(definition, key) is JProperty connectedApp)
                    throw ScratchOrgDefinitionErrors.ConnectedApp(definitionFile, connectedApp.Name);
            }
            RequireText(definition, "edition", definitionFile, "the edition's name as a string (e.g. \"Developer\")", nullAllowed: false);
            RequireText(definition, "username", definitionFile, "a username as a string (e.g. \"dev1@example.com.scratch\")", nullAllowed: false);
            RequireText(definition, "orgName", definitionFile, "the org's name as a string", nullAllowed: true);
        }

        public static JProperty? Find(JObject definition, string key) => definition.Property(key, StringComparison.OrdinalIgnoreCase);

        /// <summary>A non-blank string; with <paramref name="nullAllowed"/> any string or null (null orgName takes its default).</summary>
        private static void RequireText(JObject definition, string key, string? definitionFile, string expected, bool nullAllowed)
        {
            if (Find(definition, key) is not JProperty property) return;
            var value = property.Value;
            bool ok = nullAllowed
                ? value.Type == JTokenType.String || value.Type == JTokenType.Null
                : value.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string)value!);
            if (!ok) throw ScratchOrgDefinitionErrors.InvalidValue(definitionFile, property.Name, expected);
        }
    }
}
