using System;
using System.Linq;

namespace JwtAuth.Core.Store
{
    /// <summary>Checks the usernames and aliases the store is given.</summary>
    internal static class OrgNames
    {
        private const int MaxLength = 255;

        public static string Username(string? username)
        {
            // Salesforce usernames are always in email form; requiring the '@' also keeps them apart from aliases.
            if (string.IsNullOrWhiteSpace(username) || username!.Length > MaxLength || username.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
                || username.IndexOf('@') <= 0 || username.IndexOf('@') == username.Length - 1)
                throw StoreException.InvalidArgument(StoreErrorIds.InvalidUsername,
                    $"'{username}' is not a Salesforce username the store can keep: it must look like name@domain, 1 to {MaxLength} characters without spaces.",
                    "Pass the username the org login used, e.g. admin@example.com.", username);
            return username;
        }

        /// <summary>
        /// Aliases may not contain '@' (so an alias never looks like a username), wildcards
        /// (so Get-SfOrgAuth patterns stay unambiguous) or spaces.
        /// </summary>
        public static string Alias(string? alias)
        {
            if (string.IsNullOrWhiteSpace(alias) || alias!.Length > MaxLength
                || alias.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '@' || c == '*' || c == '?' || c == '[' || c == ']'))
                throw StoreException.InvalidArgument(StoreErrorIds.InvalidAlias,
                    $"'{alias}' cannot be an org alias: an alias is 1 to {MaxLength} characters without spaces, '@', '*', '?', '[' or ']'.",
                    "Choose a short name such as 'prod' or 'my-scratch'.", alias);
            return alias;
        }
    }
}
