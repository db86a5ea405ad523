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
    /// </summary>
    internal static class StoreFormat
    {
        public const int CurrentVersion = 1;

        private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
        {
            DateParseHandling = DateParseHandling.None,
            NullValueHandling = NullValueHandling.Include,
            Formatting = Formatting.Indented,
        });

        public static byte[] Serialize<T>(T document)
        {
            var builder = new StringBuilder();
            using (var writer = new StringWriter(builder))
            {
                Serializer.Serialize(writer, document);
            }
            builder.Append('\n');
            return new UTF8Encoding(false).GetBytes(builder.ToString());
        }

        /// <summary>Parses <paramref name="bytes"/> read from <paramref name="path"/>; corrupt or newer files become a <see cref="StoreException"/> naming the file.</summary>
        public static T Deserialize<T>(string path, byte[] bytes) where T : class
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

            try
            {
                return root.ToObject<T>(Serializer) ?? throw StoreException.FileCorrupt(path, "it is empty");
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

        private static string LineOf(JsonException e) =>
            e is JsonReaderException r && r.LineNumber > 0 ? r.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
    }
}
