namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>The first-letter casing rules the Salesforce CLI applies to definition keys and metadata names.</summary>
    internal static class JsonKeyCase
    {
        /// <summary>The key with its first character upper-cased (<c>orgName</c> becomes <c>OrgName</c>).</summary>
        public static string UpperFirst(string key) =>
            key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key.Substring(1);

        /// <summary>
        /// Whether the key passes the CLI's casing check: its first character must change when upper-cased, so a
        /// key starting with a capital, a digit or a symbol is refused.
        /// </summary>
        public static bool StartsLowerCase(string key) => key.Length > 0 && char.IsLower(key[0]);
    }
}
