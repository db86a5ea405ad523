using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// The ScratchOrgInfo insert built from a checked definition, as sfdx-core's requestScratchOrgCreation sends it:
    /// every key's first letter upper-cased (nested objects too), <c>settings</c> and <c>objectSettings</c> left out,
    /// Features joined with <c>;</c>, Username lower-cased, then OrgName, DurationDays and the connected app added.
    /// </summary>
    internal static class ScratchOrgInsertBody
    {
        public const string SettingsKey = "settings";
        public const string ObjectSettingsKey = "objectSettings";

        public static JObject Build(JObject definition, ScratchOrgDefinitionOptions options, string? definitionFile, ICollection<string> warnings)
        {
            var body = new JObject();
            foreach (var property in definition.Properties())
            {
                if (IsKey(property, SettingsKey) || IsKey(property, ObjectSettingsKey)) continue;
                var value = ValueToSend(property, definitionFile, warnings);
                if (value != null) body[JsonKeyCase.UpperFirst(property.Name)] = value;
            }
            if (body.Property("OrgName", StringComparison.OrdinalIgnoreCase) is not JProperty orgName || orgName.Value.Type == JTokenType.Null)
                body["OrgName"] = "Company";
            body["DurationDays"] = options.DurationDays;
            body["ConnectedAppConsumerKey"] = options.ConnectedAppConsumerKey;
            body["ConnectedAppCallbackUrl"] = ScratchOrgDefinitionOptions.ConnectedAppCallbackUrl;
            return body;
        }

        /// <summary>The username as Salesforce stores it, when the definition names one.</summary>
        public static string? Username(JObject definition) =>
            DefinitionFileRules.Find(definition, "username") is JProperty username ? Lower(username.Value) : null;

        private static JToken? ValueToSend(JProperty property, string? definitionFile, ICollection<string> warnings)
        {
            if (IsKey(property, "features"))
            {
                if (property.Value.Type == JTokenType.Null) return null;
                var features = ScratchOrgFeatures.Normalize(property.Value, definitionFile, warnings);
                return features is null ? null : new JValue(features);
            }
            if (IsKey(property, "username")) return new JValue(Lower(property.Value));
            return UpperFirstKeys(property.Value);
        }

        private static JToken UpperFirstKeys(JToken value)
        {
            if (value is JArray items) return new JArray(items.Select(UpperFirstKeys));
            if (value is not JObject nested) return value.DeepClone();
            var mapped = new JObject();
            // Two keys that differ only in their first letter become one, the later winning, as in the CLI's mapKeys.
            foreach (var property in nested.Properties()) mapped[JsonKeyCase.UpperFirst(property.Name)] = UpperFirstKeys(property.Value);
            return mapped;
        }

        private static string Lower(JToken username) => ((string)username!).ToLowerInvariant();

        private static bool IsKey(JProperty property, string key) => string.Equals(property.Name, key, StringComparison.OrdinalIgnoreCase);
    }
}
