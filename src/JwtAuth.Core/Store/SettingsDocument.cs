using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// The JSON of <c>settings.json</c>, format version 1: aliases and default marks, changed only under the store lock.
    /// <c>aliases</c> maps alias to username with its keys in the order the aliases were set, oldest first; a JSON
    /// object keeps that order through this reader and writer, and a file of an earlier release is read in its key order.
    /// Written and read by hand like <see cref="OrgAuthDocument"/>.
    /// </summary>
    internal sealed class SettingsDocument : IStoreDocument
    {
        [JsonProperty("version")] public int Version { get; set; } = StoreFormat.CurrentVersion;
        [JsonProperty("defaultOrg")] public string? DefaultOrg { get; set; }
        [JsonProperty("defaultDevHub")] public string? DefaultDevHub { get; set; }
        [JsonProperty("aliases")] public JObject? Aliases { get; set; }

        public void WriteTo(JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.Field("version", Version);
            writer.Field("defaultOrg", DefaultOrg);
            writer.Field("defaultDevHub", DefaultDevHub);
            writer.WritePropertyName("aliases");
            if (Aliases is null) writer.WriteNull();
            else Aliases.WriteTo(writer);
            writer.WriteEndObject();
        }

        /// <exception cref="JsonException">A field has a value of the wrong kind.</exception>
        public static SettingsDocument Read(JObject json) => new SettingsDocument
        {
            DefaultOrg = StoreFields.String(json, "defaultOrg"),
            DefaultDevHub = StoreFields.String(json, "defaultDevHub"),
            Aliases = StoreFields.Object(json, "aliases"),
        };

        public static SettingsDocument From(OrgIndex index)
        {
            var aliases = new JObject();
            foreach (var pair in index.Aliases) aliases.Add(pair.Key, pair.Value);
            return new SettingsDocument { DefaultOrg = index.DefaultOrg, DefaultDevHub = index.DefaultDevHub, Aliases = aliases };
        }

        /// <exception cref="StoreException">An alias that names something other than a username: the file at <paramref name="path"/> is corrupt.</exception>
        public OrgIndex ToIndex(string path)
        {
            var index = new OrgIndex { DefaultOrg = DefaultOrg, DefaultDevHub = DefaultDevHub };
            if (Aliases == null) return index;
            foreach (var property in Aliases.Properties())
            {
                if (property.Value.Type == JTokenType.Null) continue;
                if (property.Value.Type != JTokenType.String) throw StoreException.FileCorrupt(path, $"its alias '{property.Name}' does not name a username");
                var username = (string)property.Value!;
                if (!string.IsNullOrEmpty(property.Name) && !string.IsNullOrEmpty(username)) index.SetAlias(property.Name, username);
            }
            return index;
        }
    }
}
