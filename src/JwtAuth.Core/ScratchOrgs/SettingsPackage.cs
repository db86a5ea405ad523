using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// The zip the Salesforce CLI deploys to a new scratch org for its definition's settings (sfdx-core's
    /// scratchOrgSettingsGenerator): <c>package.xml</c>, <c>settings/&lt;Name&gt;.settings</c> and
    /// <c>objects/&lt;Object&gt;.object</c>, at the zip's root. The same settings and version give the same bytes.
    /// </summary>
    public sealed class SettingsPackage
    {
        public const string ManifestEntryName = "package.xml";

        private static readonly Regex ApiVersionPattern = new Regex("^[0-9]+\\.[0-9]+$", RegexOptions.CultureInvariant);

        private readonly byte[] _zip;

        private SettingsPackage(byte[] zip, string apiVersion, IList<string> entryNames)
        {
            _zip = zip;
            ApiVersion = apiVersion;
            EntryNames = new ReadOnlyCollection<string>(entryNames);
        }

        /// <summary>The version written into package.xml, e.g. <c>65.0</c>.</summary>
        public string ApiVersion { get; }

        /// <summary>The zip's entries in order, package.xml first, e.g. <c>settings/LightningExperience.settings</c>.</summary>
        public IReadOnlyList<string> EntryNames { get; }

        /// <summary>A copy of the zip, to send as the deploy's <c>file</c> part.</summary>
        public byte[] ToArray() => (byte[])_zip.Clone();

        /// <param name="settings">Must not be empty (<see cref="ScratchOrgSettings.IsEmpty"/>: the CLI deploys nothing then).</param>
        /// <param name="apiVersion">The scratch org's API version, e.g. <c>65.0</c>.</param>
        /// <param name="capitalizeRecordTypes">The CLI's <c>org-capitalize-record-types</c>: record type names get an upper-case first letter (its default).</param>
        /// <exception cref="ScratchOrgDefinitionException"><c>SettingsApiVersionInvalid</c>.</exception>
        public static SettingsPackage Build(ScratchOrgSettings settings, string apiVersion, bool capitalizeRecordTypes = true)
        {
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            if (settings.IsEmpty) throw new ArgumentException("There are no settings to deploy.", nameof(settings));
            if (apiVersion is null || !ApiVersionPattern.IsMatch(apiVersion)) throw ScratchOrgDefinitionErrors.ApiVersionInvalid(apiVersion);

            var files = new List<(string Name, XElement Root)>();
            var settingsMembers = new List<string>();
            foreach (var entry in settings.SettingsEntries)
            {
                var typeName = JsonKeyCase.UpperFirst(entry.Name);
                var member = typeName.Substring(0, typeName.Length - SettingsShape.SettingsSuffix.Length);
                settingsMembers.Add(member);
                files.Add(($"settings/{member}.settings", SettingsXmlWriter.Write(typeName, (JObject)entry.Value)));
            }

            var objects = settings.ObjectEntries
                .Select(entry => ObjectSettingsXmlWriter.Write(entry.Name, (JObject)entry.Value, capitalizeRecordTypes))
                .ToList();
            files.AddRange(objects.Select(o => ($"objects/{o.ObjectName}.object", o.Root)));

            var manifest = PackageManifest.Write(new (string, IReadOnlyList<string>)[]
            {
                ("Settings", settingsMembers),
                ("CustomObject", objects.Select(o => o.ObjectName).ToList()),
                ("RecordType", Members(objects.Select(o => o.RecordTypeMember))),
                ("BusinessProcess", Members(objects.Select(o => o.BusinessProcessMember))),
            }, apiVersion);
            files.Insert(0, (ManifestEntryName, manifest));

            var zip = PackageZip.Create(files.Select(f => (f.Name, MetadataXml.ToBytes(f.Root))));
            return new SettingsPackage(zip, apiVersion, files.Select(f => f.Name).ToList());
        }

        private static IReadOnlyList<string> Members(IEnumerable<string?> members) => members.Where(m => m != null).Select(m => m!).ToList();
    }
}
