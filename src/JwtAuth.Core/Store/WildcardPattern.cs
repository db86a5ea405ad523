using System.Text;
using System.Text.RegularExpressions;

namespace JwtAuth.Core.Store
{
    /// <summary>A case-insensitive name pattern with <c>*</c> (any run) and <c>?</c> (one character); everything else is literal.</summary>
    internal sealed class WildcardPattern
    {
        private readonly Regex _regex;

        public WildcardPattern(string pattern)
        {
            HasWildcards = pattern.IndexOfAny(new[] { '*', '?' }) >= 0;
            var builder = new StringBuilder("^");
            foreach (var c in pattern)
            {
                if (c == '*') builder.Append(".*");
                else if (c == '?') builder.Append('.');
                else builder.Append(Regex.Escape(c.ToString()));
            }
            builder.Append('$');
            _regex = new Regex(builder.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        /// <summary>A pattern without wildcards names one thing: finding nothing for it is an error, for a wildcard it is not.</summary>
        public bool HasWildcards { get; }

        public bool IsMatch(string? name) => name != null && _regex.IsMatch(name);
    }
}
