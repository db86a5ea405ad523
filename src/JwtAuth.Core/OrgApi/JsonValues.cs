using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.OrgApi
{
    /// <summary>
    /// Numbers, flags and lists read leniently: Salesforce's JSON has them as numbers and booleans, but some documented examples
    /// (the Metadata deploy status) quote them, so <c>"10"</c> and <c>"true"</c> count too. Anything else is null.
    /// </summary>
    internal static class JsonValues
    {
        public static long? Long(JToken? token)
        {
            if (token is JValue value && value.Type == JTokenType.Integer && value.Value is long number)
            {
                return number;
            }

            return token?.Type == JTokenType.String
                && long.TryParse((string?)token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : (long?)null;
        }

        public static int? Int(JToken? token)
        {
            var number = Long(token);
            return number.HasValue && number.Value >= int.MinValue && number.Value <= int.MaxValue ? (int)number.Value : (int?)null;
        }

        /// <summary>The objects of an array, or the one object a SOAP-shaped answer puts where a one-element array would be.</summary>
        public static IEnumerable<JObject> Objects(JToken? token) =>
            token is JArray array ? array.OfType<JObject>() : token is JObject one ? new[] { one } : Enumerable.Empty<JObject>();

        public static bool? Bool(JToken? token)
        {
            if (token?.Type == JTokenType.Boolean)
            {
                return (bool)token;
            }

            if (token?.Type == JTokenType.String)
            {
                var text = (string?)token;
                if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return null;
        }
    }
}
