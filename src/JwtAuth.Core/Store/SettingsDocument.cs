using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace JwtAuth.Core.Store
{
    /// <summary>The JSON of <c>settings.json</c>, format version 1: aliases and default marks, changed only under the store lock.</summary>
    internal sealed class SettingsDocument
    {
        [JsonProperty("version")] public int Version { get; set; } = StoreFormat.CurrentVersion;
        [JsonProperty("defaultOrg")] public string? DefaultOrg { get; set; }
        [JsonProperty("defaultDevHub")] public string? DefaultDevHub { get; set; }
        [JsonProperty("aliases")] public Dictionary<string, string>? Aliases { get; set; }

        public static SettingsDocument From(OrgIndex index) => new SettingsDocument
        {
            DefaultOrg = index.DefaultOrg,
            DefaultDevHub = index.DefaultDevHub,
            Aliases = new Dictionary<string, string>(index.Aliases, StringComparer.OrdinalIgnoreCase),
        };

        public OrgIndex ToIndex()
        {
            var index = new OrgIndex { DefaultOrg = DefaultOrg, DefaultDevHub = DefaultDevHub };
            if (Aliases != null)
                foreach (var pair in Aliases)
                    if (!string.IsNullOrEmpty(pair.Key) && !string.IsNullOrEmpty(pair.Value)) index.Aliases[pair.Key] = pair.Value;
            return index;
        }
    }
}
