using System;
using System.Collections.Generic;
using System.Xml;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// The shapes <c>settings</c> and <c>objectSettings</c> must have to become metadata files: checked up front so a
    /// definition that could only fail in the deploy is refused before the org is created.
    /// </summary>
    internal static class SettingsShape
    {
        public const string SettingsSuffix = "Settings";
        public const string SharingModelKey = "sharingModel";
        public const string DefaultRecordTypeKey = "defaultRecordType";

        public static JObject CheckSettings(JToken? token, string? definitionFile)
        {
            if (IsAbsent(token)) return new JObject();
            if (token is not JObject settings)
                throw Invalid(definitionFile, "settings", "is not an object",
                    "Give 'settings' one entry per Settings type, e.g. \"settings\": {\"lightningExperienceSettings\": {\"enableS1DesktopEnabled\": true}}.");
            var typeNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in settings.Properties())
            {
                var key = "settings." + entry.Name;
                var typeName = JsonKeyCase.UpperFirst(entry.Name);
                if (typeName.Length <= SettingsSuffix.Length || !typeName.EndsWith(SettingsSuffix, StringComparison.Ordinal) || !IsXmlName(typeName))
                    throw Invalid(definitionFile, key, "does not name a Settings type",
                        "Name each entry after its Metadata API Settings type in camel case, e.g. 'lightningExperienceSettings' or 'securitySettings'.");
                if (!typeNames.Add(typeName))
                    throw Invalid(definitionFile, key, "names the same Settings type as another entry", "Merge the two entries into one.");
                if (entry.Value is not JObject fields)
                    throw Invalid(definitionFile, key, "is not an object", "Give each Settings type an object of its fields, e.g. {\"enableS1DesktopEnabled\": true}.");
                CheckFields(fields, key, definitionFile);
            }
            return (JObject)settings.DeepClone();
        }

        public static JObject CheckObjectSettings(JToken? token, string? definitionFile)
        {
            if (IsAbsent(token)) return new JObject();
            if (token is not JObject objects)
                throw Invalid(definitionFile, "objectSettings", "is not an object",
                    "Give 'objectSettings' one entry per object, e.g. \"objectSettings\": {\"opportunity\": {\"sharingModel\": \"private\", \"defaultRecordType\": \"default\"}}.");
            var objectNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in objects.Properties())
            {
                var key = "objectSettings." + entry.Name;
                var objectName = JsonKeyCase.UpperFirst(entry.Name);
                if (!IsXmlName(objectName))
                    throw Invalid(definitionFile, key, "does not name an object", "Use the object's API name in camel case, e.g. 'account' or 'opportunity'.");
                if (!objectNames.Add(objectName))
                    throw Invalid(definitionFile, key, "names the same object as another entry", "Merge the two entries into one.");
                if (entry.Value is not JObject setting)
                    throw Invalid(definitionFile, key, "is not an object", "Give each object an object such as {\"sharingModel\": \"private\", \"defaultRecordType\": \"default\"}.");
                CheckName(setting, SharingModelKey, key, definitionFile);
                CheckName(setting, DefaultRecordTypeKey, key, definitionFile);
            }
            return (JObject)objects.DeepClone();
        }

        private static void CheckFields(JObject fields, string key, string? definitionFile)
        {
            foreach (var field in fields.Properties())
            {
                var fieldKey = key + "." + field.Name;
                if (!IsXmlName(field.Name))
                    throw Invalid(definitionFile, fieldKey, "cannot be an XML element name", "Use the Metadata API's field names (letters, digits and underscores, not starting with a digit).");
                CheckValue(field.Value, fieldKey, definitionFile);
            }
        }

        private static void CheckValue(JToken value, string key, string? definitionFile)
        {
            switch (value)
            {
                case JObject fields:
                    CheckFields(fields, key, definitionFile);
                    return;
                case JArray items:
                    for (int i = 0; i < items.Count; i++) CheckValue(items[i], $"{key}[{i}]", definitionFile);
                    return;
            }
            switch (value.Type)
            {
                case JTokenType.Null:
                    throw Invalid(definitionFile, key, "is null", "Give it a value (text, a number, true or false) or remove it.");
                case JTokenType.String when !IsXmlText((string)value!):
                    throw Invalid(definitionFile, key, "holds a character XML cannot carry", "Remove control characters from the value.");
                case JTokenType.String:
                case JTokenType.Boolean:
                case JTokenType.Integer:
                case JTokenType.Float when MetadataXml.IsFinite((JValue)value):
                    return;
                default:
                    throw Invalid(definitionFile, key, "is neither text, a number, true nor false", "Give it a value of one of those kinds.");
            }
        }

        /// <summary>An objectSettings field the CLI reads: absent, null, or a non-blank name.</summary>
        private static void CheckName(JObject setting, string field, string key, string? definitionFile)
        {
            var value = setting[field];
            if (IsAbsent(value)) return;
            if (value!.Type != JTokenType.String || string.IsNullOrWhiteSpace((string)value!) || !IsXmlText((string)value!))
                throw Invalid(definitionFile, key + "." + field, "is not a name",
                    field == SharingModelKey
                        ? "Give the sharing model as text, e.g. \"private\", \"read\" or \"readWrite\"."
                        : "Give the record type's API name as text, e.g. \"default\".");
        }

        private static bool IsAbsent(JToken? token) => token is null || token.Type == JTokenType.Null;

        private static bool IsXmlName(string name)
        {
            try
            {
                XmlConvert.VerifyNCName(name);
                return true;
            }
            catch (Exception e) when (e is XmlException || e is ArgumentNullException)
            {
                return false;
            }
        }

        private static bool IsXmlText(string text)
        {
            try
            {
                XmlConvert.VerifyXmlChars(text);
                return true;
            }
            catch (XmlException)
            {
                return false;
            }
        }

        private static ScratchOrgDefinitionException Invalid(string? definitionFile, string key, string why, string fix) =>
            ScratchOrgDefinitionErrors.InvalidSettings(definitionFile, key, why, fix);
    }
}
