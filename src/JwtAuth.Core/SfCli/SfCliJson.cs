using System;
using System.IO;
using System.Text;
using JwtAuth.Core.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.SfCli
{
    /// <summary>
    /// Reads and writes the CLI's JSON files the way Node does: values kept verbatim (dates stay strings),
    /// written as <c>JSON.stringify(value, null, 2)</c> or compact, without a trailing newline.
    /// </summary>
    internal static class SfCliJson
    {
        /// <summary>The file's top-level object, or null when the file does not exist.</summary>
        public static JObject? ReadObject(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path, Encoding.UTF8);
            }
            catch (FileNotFoundException) { return null; }
            catch (DirectoryNotFoundException) { return null; }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new SfCliException(SfCliErrorIds.FileUnreadable, JwtAuthErrorKind.PermissionDenied,
                    $"The Salesforce CLI file '{path}' could not be read ({e.GetType().Name}).",
                    "Check that the current user can read it.", path, e);
            }
            return ParseObject(text, path);
        }

        public static JObject ParseObject(string text, string path)
        {
            try
            {
                using var reader = CreateReader(new StringReader(text));
                var token = JToken.ReadFrom(reader);
                while (reader.Read()) { /* only comments or whitespace may follow */ }
                if (token is JObject obj) return obj;
                throw Corrupt(path, $"it holds a JSON {token.Type.ToString().ToLowerInvariant()} where an object is expected", null);
            }
            catch (JsonException e)
            {
                // The position is enough to find the fault; the parser's text could quote file content.
                var where = e is JsonReaderException r ? $" at line {r.LineNumber}, position {r.LinePosition}" : string.Empty;
                throw Corrupt(path, "it is not valid JSON" + where, e);
            }
        }

        public static JsonTextReader CreateReader(TextReader text) => new JsonTextReader(text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };

        /// <summary>Node's <c>JSON.stringify(value, null, 2)</c> (indented) or <c>JSON.stringify(value)</c>.</summary>
        public static string Serialize(JObject value, bool indented)
        {
            var builder = new StringBuilder();
            using (var writer = new JsonTextWriter(new StringWriter(builder)) { Formatting = indented ? Formatting.Indented : Formatting.None, Indentation = 2 })
            {
                value.WriteTo(writer);
            }
            return builder.ToString().Replace("\r\n", "\n");
        }

        private static SfCliException Corrupt(string path, string why, Exception? inner) =>
            new SfCliException(SfCliErrorIds.FileCorrupt, JwtAuthErrorKind.InvalidData,
                $"The Salesforce CLI file '{path}' cannot be used: {why}. Nothing was changed.",
                "Repair the file (or move it away so the CLI starts a new one) and retry.", path, inner);
    }
}
