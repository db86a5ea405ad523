using System.Collections.Generic;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// One <c>objects/&lt;Object&gt;.object</c> file from an objectSettings entry, as sfdx-core's
    /// createRecordTypeAndBusinessProcessFileContent builds it: the sharing model, an active default record type,
    /// and for Case, Lead, Opportunity and Solution the business process such a record type needs.
    /// </summary>
    internal static class ObjectSettingsXmlWriter
    {
        /// <summary>The first value of each object's standard picklist a business process must include.</summary>
        private static readonly Dictionary<string, string> BusinessProcessValue = new Dictionary<string, string>
        {
            ["Case"] = "New",
            ["Lead"] = "Open - Not Contacted",
            ["Opportunity"] = "Prospecting",
            ["Solution"] = "Draft",
        };

        /// <param name="key">The objectSettings key as written (e.g. <c>opportunity</c>).</param>
        /// <param name="capitalizeRecordTypes">The CLI's <c>org-capitalize-record-types</c>, true when unset.</param>
        public static ObjectSettingsFile Write(string key, JObject setting, bool capitalizeRecordTypes)
        {
            var objectName = JsonKeyCase.UpperFirst(key);
            var root = MetadataXml.Element("CustomObject");
            if (Text(setting, SettingsShape.SharingModelKey) is string sharingModel)
                root.Add(MetadataXml.Element("sharingModel", JsonKeyCase.UpperFirst(sharingModel)));

            if (Text(setting, SettingsShape.DefaultRecordTypeKey) is not string written)
                return new ObjectSettingsFile(objectName, root, null, null);

            var recordType = capitalizeRecordTypes ? JsonKeyCase.UpperFirst(written) : written;
            var recordTypes = MetadataXml.Element("recordTypes",
                MetadataXml.Element("fullName", recordType),
                MetadataXml.Element("label", recordType),
                MetadataXml.Element("active", "true"));
            root.Add(recordTypes);
            if (!BusinessProcessValue.TryGetValue(objectName, out var picklistValue))
                return new ObjectSettingsFile(objectName, root, $"{objectName}.{recordType}", null);

            var businessProcess = recordType + "Process";
            recordTypes.Add(MetadataXml.Element("businessProcess", businessProcess));
            var values = MetadataXml.Element("values", MetadataXml.Element("fullName", picklistValue));
            // As the CLI does: the value is the default of every business process but Opportunity's (a sales process).
            if (objectName != "Opportunity") values.Add(MetadataXml.Element("default", "true"));
            root.Add(MetadataXml.Element("businessProcesses",
                MetadataXml.Element("fullName", businessProcess),
                MetadataXml.Element("isActive", "true"),
                values));
            return new ObjectSettingsFile(objectName, root, $"{objectName}.{recordType}", $"{objectName}.{businessProcess}");
        }

        private static string? Text(JObject setting, string field) =>
            setting[field] is JValue value && value.Type == JTokenType.String ? (string)value! : null;
    }
}
