using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// A definition's <c>settings</c> (one entry per Settings type, e.g. <c>lightningExperienceSettings</c>) and
    /// <c>objectSettings</c> (one entry per object: <c>sharingModel</c>, <c>defaultRecordType</c>), checked so that
    /// <see cref="SettingsPackage.Build"/> cannot fail on their shape. Immutable: it keeps its own copies.
    /// </summary>
    public sealed class ScratchOrgSettings
    {
        private readonly JObject _settings;
        private readonly JObject _objectSettings;

        private ScratchOrgSettings(JObject settings, JObject objectSettings)
        {
            _settings = settings;
            _objectSettings = objectSettings;
            SettingsNames = Names(settings);
            ObjectNames = Names(objectSettings);
        }

        /// <summary>No settings: nothing to deploy.</summary>
        public static ScratchOrgSettings None { get; } = new ScratchOrgSettings(new JObject(), new JObject());

        /// <summary>
        /// Checks and copies <paramref name="settings"/> and <paramref name="objectSettings"/> (either may be null or
        /// JSON null: none). <paramref name="definitionFile"/> names the source in errors.
        /// </summary>
        /// <exception cref="ScratchOrgDefinitionException"><c>DefinitionFileInvalidSettings</c> naming the key at fault.</exception>
        public static ScratchOrgSettings From(JToken? settings, JToken? objectSettings, string? definitionFile = null) =>
            new ScratchOrgSettings(
                SettingsShape.CheckSettings(settings, definitionFile),
                SettingsShape.CheckObjectSettings(objectSettings, definitionFile));

        /// <summary>True when there is nothing to deploy (the CLI then skips the deploy).</summary>
        public bool IsEmpty => SettingsNames.Count == 0 && ObjectNames.Count == 0;

        /// <summary>The <c>settings</c> keys as written, e.g. <c>lightningExperienceSettings</c>.</summary>
        public IReadOnlyList<string> SettingsNames { get; }

        /// <summary>The <c>objectSettings</c> keys as written, e.g. <c>account</c>.</summary>
        public IReadOnlyList<string> ObjectNames { get; }

        public JObject CopySettings() => (JObject)_settings.DeepClone();

        public JObject CopyObjectSettings() => (JObject)_objectSettings.DeepClone();

        internal IEnumerable<JProperty> SettingsEntries => _settings.Properties();

        internal IEnumerable<JProperty> ObjectEntries => _objectSettings.Properties();

        private static ReadOnlyCollection<string> Names(JObject entries) =>
            new ReadOnlyCollection<string>(entries.Properties().Select(p => p.Name).ToList());
    }
}
