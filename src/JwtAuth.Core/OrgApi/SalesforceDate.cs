using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace JwtAuth.Core.OrgApi
{
    /// <summary>Dates as the REST API writes them: <c>2026-12-01T00:00:00.000+0000</c> (no colon in the offset) or <c>2026-12-01</c>.</summary>
    internal static class SalesforceDate
    {
        private static readonly Regex CompactOffset = new Regex(@"([+-][0-9]{2})([0-9]{2})$", RegexOptions.CultureInvariant);

        /// <summary>The date, or null for null, blank or unreadable text.</summary>
        public static DateTimeOffset? Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var normalized = CompactOffset.Replace(text!.Trim(), "$1:$2");
            return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
                ? value
                : (DateTimeOffset?)null;
        }
    }
}
