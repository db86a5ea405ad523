namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Undoes what CI systems and shells do to a PEM key kept in a secret: a UTF-8 BOM, surrounding quotes
    /// and whitespace, CRLF, and literal "\n" sequences (Azure DevOps and JSON-escaped secrets).
    /// Newlines turned into spaces need nothing here: the PEM reader ignores whitespace inside the body.
    /// </summary>
    internal static class KeyTextNormalizer
    {
        public static string Normalize(string text)
        {
            var result = text.Replace("\uFEFF", string.Empty).Trim();
            while (result.Length >= 2 && IsQuote(result[0]) && result[result.Length - 1] == result[0])
                result = result.Substring(1, result.Length - 2).Trim();

            // Base64 has no backslash, so escaped line breaks can only be line breaks.
            if (result.IndexOf('\\') >= 0)
                result = result.Replace("\\r\\n", "\n").Replace("\\n", "\n").Replace("\\r", "\n");
            return result.Replace("\r\n", "\n").Replace('\r', '\n');
        }

        private static bool IsQuote(char c) => c == '"' || c == '\'';
    }
}
