using System;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.OrgApi
{
    /// <summary>
    /// Numbers and flags read leniently: Salesforce's JSON has them as numbers and booleans, but some documented examples
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
