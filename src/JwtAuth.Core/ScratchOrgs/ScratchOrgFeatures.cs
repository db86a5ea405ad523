using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// Turns a definition's <c>features</c> (an array, or a string separated by <c>;</c> or <c>,</c>) into the
    /// <c>A;B</c> text ScratchOrgInfo takes, dropping and replacing the features the Salesforce CLI retired
    /// (sfdx-core's scratchOrgFeatureDeprecation), each with a warning.
    /// </summary>
    internal static class ScratchOrgFeatures
    {
        private static readonly HashSet<string> Retired = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "EXPANDEDSOURCETRACKING", "LISTCUSTOMSETTINGCREATION", "AppNavCapabilities", "CMTRecordManagedDeletion",
            "EditInSubtab", "OldNewRecordFlowConsole", "OldNewRecordFlowStd", "DesktopLayoutStandardOff",
            "SplitViewOnStandardOff", "PopOutUtilities",
        };

        private static readonly Dictionary<string, string> Replaced = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["SALESWAVE"] = "DEVELOPMENTWAVE",
            ["SERVICEWAVE"] = "DEVELOPMENTWAVE",
        };

        private static readonly char[] Separators = { ';', ',' };

        /// <summary>The features to send (null when none remain) and a warning per retired feature.</summary>
        public static string? Normalize(JToken features, string? definitionFile, ICollection<string> warnings)
        {
            var requested = Requested(features, definitionFile)
                .Select(f => f.Trim())
                .Where(f => f.Length > 0);
            var sent = new List<string>();
            foreach (var feature in requested)
            {
                if (Retired.Contains(feature))
                {
                    warnings.Add($"The scratch org feature {feature} is retired; it was left out of the request.");
                }
                else if (Replaced.TryGetValue(feature, out var replacement))
                {
                    warnings.Add($"The scratch org feature {feature} is retired; {replacement} was requested instead.");
                    sent.Add(replacement);
                }
                else
                {
                    sent.Add(feature);
                }
            }
            return sent.Count == 0 ? null : string.Join(";", sent);
        }

        private static IEnumerable<string> Requested(JToken features, string? definitionFile)
        {
            if (features.Type == JTokenType.String)
                return ((string)features!).Split(Separators);
            if (features is JArray array && array.All(item => item.Type == JTokenType.String))
                return array.Select(item => (string)item!);
            throw ScratchOrgDefinitionErrors.InvalidValue(definitionFile, "features",
                "an array of feature names or a string of names separated by ';' (e.g. [\"API\", \"AuthorApex\"] or \"API;AuthorApex\")");
        }
    }
}
