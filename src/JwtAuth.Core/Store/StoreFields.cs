using System;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// One field of a store document, read with the conversions Newtonsoft's serializer applied when the documents were
    /// read through it (so every file an earlier release wrote or accepted reads the same): a string field takes a string,
    /// null, or a number or boolean as invariant text; a date field an ISO 8601 (or .NET-parsable) string; a number field
    /// a number or numeric string. A missing field keeps its default. Anything else throws a <see cref="JsonException"/>.
    /// </summary>
    internal static class StoreFields
    {
        public static string? String(JObject document, string name, string? missing = null)
        {
            var token = document[name];
            if (token is null) return missing;
            using var reader = new JTokenReader(token);
            return reader.ReadAsString();
        }

        public static long Int64(JObject document, string name, long missing = 0)
        {
            var token = document[name];
            if (token is null) return missing;
            switch (token.Type)
            {
                case JTokenType.Integer:
                case JTokenType.Float:
                case JTokenType.String:
                case JTokenType.Boolean:
                    try
                    {
                        return Convert.ToInt64(((JValue)token).Value, CultureInfo.InvariantCulture);
                    }
                    catch (Exception e) when (e is FormatException || e is OverflowException || e is InvalidCastException)
                    {
                        throw WrongType(name, token, "a number", e);
                    }
                default:
                    throw WrongType(name, token, "a number");
            }
        }

        /// <summary>A date that must have a value when present (null or an empty string is refused).</summary>
        public static DateTimeOffset Date(JObject document, string name) =>
            document[name] is null ? default : OptionalDate(document, name) ?? throw WrongType(name, document[name]!, "a date");

        public static DateTimeOffset? OptionalDate(JObject document, string name)
        {
            var token = document[name];
            if (token is null) return null;
            using var reader = new JTokenReader(token);
            return reader.ReadAsDateTimeOffset();
        }

        /// <summary>A nested object, or null when the field is missing or null.</summary>
        public static JObject? Object(JObject document, string name)
        {
            var token = document[name];
            if (token is null || token.Type == JTokenType.Null) return null;
            return token as JObject ?? throw WrongType(name, token, "an object");
        }

        private static JsonSerializationException WrongType(string name, JToken token, string expected) =>
            new JsonSerializationException($"'{name}' is {token.Type}, not {expected}.");

        private static JsonSerializationException WrongType(string name, JToken token, string expected, Exception inner) =>
            new JsonSerializationException($"'{name}' is {token.Type}, not {expected}.", inner);
    }
}
