using System;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// Reading and writing the store's versioned JSON documents. Every document has a top-level
    /// <c>version</c>; a file without one is corrupt and a higher one belongs to a later release.
    /// Each document writes and reads its own fields (<see cref="IStoreDocument"/>, <see cref="StoreFields"/>): Newtonsoft's
    /// reflection-based serializer compiles an accessor per property on first use, the largest cost of a fresh process's
    /// first connect after the HTTP stack. The bytes are the ones that serializer wrote (indented, declared order, nulls
    /// kept), and the fields read as it read them.
    /// </summary>
    internal static class StoreFormat
    {
        public const int CurrentVersion = 1;

        public static byte[] Serialize(IStoreDocument document)
        {
            var builder = new StringBuilder();
            using (var writer = new JsonTextWriter(new StringWriter(builder)) { Formatting = Formatting.Indented })
            {
                document.WriteTo(writer);
            }
            builder.Append('\n');
            return new UTF8Encoding(false).GetBytes(builder.ToString());
        }

        /// <summary>
        /// Parses <paramref name="bytes"/> read from <paramref name="path"/> and reads the document with <paramref name="read"/>;
        /// corrupt or newer files become a <see cref="StoreException"/> naming the file.
        /// </summary>
        public static T Deserialize<T>(string path, byte[] bytes, Func<JObject, T> read) where T : class
        {
            var root = Parse(path, bytes);
            try
            {
                return read(root);
            }
            catch (JsonException e)
            {
                throw StoreException.FileCorrupt(path, "a field has the wrong type", e);
            }
            catch (FormatException e)
            {
                throw StoreException.FileCorrupt(path, "a field has the wrong format", e);
            }
        }

        private static JObject Parse(string path, byte[] bytes)
        {
            JObject root;
            try
            {
                using var reader = new JsonTextReader(new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, true)))
                {
                    DateParseHandling = DateParseHandling.None,
                };
                root = JObject.Load(reader);
                if (reader.Read() && reader.TokenType != JsonToken.Comment)
                    throw StoreException.FileCorrupt(path, "it has text after the JSON object");
            }
            catch (JsonException e)
            {
                throw StoreException.FileCorrupt(path, $"it is not valid JSON (line {LineOf(e)})", e);
            }
            catch (DecoderFallbackException e)
            {
                throw StoreException.FileCorrupt(path, "it is not UTF-8 text", e);
            }

            var version = root["version"];
            if (version == null || version.Type != JTokenType.Integer)
                throw StoreException.FileCorrupt(path, "it has no integer 'version' field");
            var number = version.Value<long>();
            if (number != CurrentVersion)
            {
                if (number > CurrentVersion && number <= int.MaxValue) throw StoreException.VersionUnsupported(path, (int)number);
                throw StoreException.FileCorrupt(path, $"its version {number} is not a known format version");
            }

            return root;
        }

        private static string LineOf(JsonException e) =>
            e is JsonReaderException r && r.LineNumber > 0 ? r.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
    }
}
