using System;
using System.IO;
using JwtAuth.Core.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Http
{
    /// <summary>Parses a response body as one JSON object or array without ever throwing a raw parser exception.</summary>
    internal static class JsonBody
    {
        /// <summary>The fix for an answer that is not JSON at all, when the caller is signing in.</summary>
        public const string LoginNotJsonFix =
            "Check -LoginUrl and your proxy settings (HTTPS_PROXY, NO_PROXY); if they are right, Salesforce may be down (status.salesforce.com): try again later.";

        /// <summary>The body as a JSON object, or a typed error naming the status and content type (never the body).</summary>
        public static JObject Parse(HttpReply reply, string url, string what, string notJsonFix = LoginNotJsonFix) =>
            (JObject)ParseToken(reply, url, what, notJsonFix, '{');

        /// <summary>The body as a JSON array, or a typed error as for <see cref="Parse"/>.</summary>
        public static JArray ParseArray(HttpReply reply, string url, string what, string notJsonFix = LoginNotJsonFix) =>
            (JArray)ParseToken(reply, url, what, notJsonFix, '[');

        /// <summary>The body as a JSON object or array, whichever it starts with; a typed error as for <see cref="Parse"/>.</summary>
        public static JToken ParseObjectOrArray(HttpReply reply, string url, string what, string notJsonFix) =>
            ParseToken(reply, url, what, notJsonFix, reply.FirstSignificantChar == '[' ? '[' : '{');

        private static JToken ParseToken(HttpReply reply, string url, string what, string notJsonFix, char opening)
        {
            if (reply.FirstSignificantChar != opening)
            {
                var html = (reply.ContentType ?? string.Empty).IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0
                    || reply.BodyText.TrimStart().StartsWith("<", StringComparison.Ordinal);
                throw new TokenEndpointException("ResponseNotJson", JwtAuthErrorKind.InvalidData,
                    $"{what} at {url} answered {reply.Describe()} instead of JSON" +
                    (html ? "; it looks like a proxy, captive portal or outage page, not Salesforce." : "."),
                    notJsonFix, url)
                { StatusCode = reply.StatusCode, ContentType = reply.ContentType, IsTransient = reply.StatusCode >= 500 || reply.StatusCode == 429, RetryAfter = reply.RetryAfter };
            }

            try
            {
                using var reader = new JsonTextReader(new StringReader(reply.BodyText))
                {
                    DateParseHandling = DateParseHandling.None,
                    FloatParseHandling = FloatParseHandling.Decimal,
                    MaxDepth = 64,
                };
                var result = opening == '{' ? (JToken)JObject.Load(reader) : JArray.Load(reader);
                // Trailing garbage after the object means the body is not what Salesforce sends.
                while (reader.Read())
                {
                    if (reader.TokenType != JsonToken.Comment)
                    {
                        throw new JsonReaderException("Additional content after the JSON object.");
                    }
                }

                return result;
            }
            catch (JsonException ex)
            {
                // Newtonsoft's message quotes the body around the error position: keep only the type.
                throw new TokenEndpointException("ResponseInvalidJson", JwtAuthErrorKind.InvalidData,
                    $"{what} at {url} answered {reply.Describe()} that is truncated or not valid JSON ({ex.GetType().Name}).",
                    "The answer was cut off or mangled on the way (proxy, unstable connection): try again; if it persists, check the proxy.",
                    url)
                { StatusCode = reply.StatusCode, ContentType = reply.ContentType, IsTransient = reply.StatusCode >= 500 || reply.StatusCode == 429, RetryAfter = reply.RetryAfter };
            }
        }

        /// <summary>The string value of <paramref name="name"/>, null when absent, JSON null or not a string.</summary>
        public static string? String(JObject json, string name) =>
            json.TryGetValue(name, StringComparison.Ordinal, out var token) && token.Type == JTokenType.String
                ? (string?)token
                : null;
    }
}
