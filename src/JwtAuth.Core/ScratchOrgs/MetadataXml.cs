using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// How the settings package writes its XML: the Metadata API namespace, values as the CLI's js2xmlparser
    /// renders them (true/false, numbers, text), and one fixed layout (UTF-8 without BOM, 4-space indent, LF)
    /// so the same definition always gives the same bytes.
    /// </summary>
    internal static class MetadataXml
    {
        public static readonly XNamespace Namespace = "http://soap.sforce.com/2006/04/metadata";

        private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

        private static readonly XmlWriterSettings Layout = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = "    ",
            NewLineChars = "\n",
            // Keeps a carriage return inside a value as &#xD; instead of folding it into the line break.
            NewLineHandling = NewLineHandling.Entitize,
        };

        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        public static XElement Element(string name, params object[] content) => new XElement(Namespace + name, content);

        /// <summary>A JSON scalar as element text: booleans lower-case, numbers in invariant form.</summary>
        public static string Text(JValue value) => value.Type switch
        {
            JTokenType.Boolean => (bool)value ? "true" : "false",
            JTokenType.Float when value.Value is double d => d.ToString("R", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty,
        };

        public static bool IsFinite(JValue value) =>
            !(value.Value is double d && (double.IsNaN(d) || double.IsInfinity(d))) &&
            !(value.Value is float f && (float.IsNaN(f) || float.IsInfinity(f)));

        public static byte[] ToBytes(XElement root)
        {
            var text = new StringBuilder(Declaration);
            using (var writer = XmlWriter.Create(new StringWriter(text, CultureInfo.InvariantCulture), Layout))
            {
                root.WriteTo(writer);
            }
            return Utf8.GetBytes(text.Append('\n').ToString());
        }
    }
}
