using System.Xml.Linq;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// One <c>settings/&lt;Name&gt;.settings</c> file, as the CLI's js2xmlparser writes it: the root element is the
    /// key with its first letter upper-cased, objects become nested elements, an array repeats its key's element
    /// once per item, scalars become text.
    /// </summary>
    internal static class SettingsXmlWriter
    {
        /// <summary>The root element for <paramref name="typeName"/> (e.g. <c>LightningExperienceSettings</c>) holding <paramref name="fields"/>.</summary>
        public static XElement Write(string typeName, JObject fields)
        {
            var root = MetadataXml.Element(typeName);
            AddFields(root, fields);
            return root;
        }

        private static void AddFields(XElement parent, JObject fields)
        {
            foreach (var field in fields.Properties()) AddValue(parent, field.Name, field.Value);
        }

        private static void AddValue(XElement parent, string name, JToken value)
        {
            switch (value)
            {
                case JArray items:
                    // Nested arrays flatten into the same repeated element, as js2xmlparser does.
                    foreach (var item in items) AddValue(parent, name, item);
                    break;
                case JObject fields:
                    var child = MetadataXml.Element(name);
                    AddFields(child, fields);
                    parent.Add(child);
                    break;
                default:
                    parent.Add(MetadataXml.Element(name, MetadataXml.Text((JValue)value)));
                    break;
            }
        }
    }
}
