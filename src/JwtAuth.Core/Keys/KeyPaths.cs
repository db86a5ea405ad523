using System;
using System.IO;

namespace JwtAuth.Core.Keys
{
    /// <summary>
    /// Makes a key or certificate path absolute, or refuses it with <see cref="KeyErrorIds.InvalidPath"/>. The characters
    /// checked are this platform's invalid path characters (NUL everywhere; on Windows also &lt; &gt; | " and control
    /// characters), so .NET Framework and .NET 8 refuse the same paths with the same error.
    /// </summary>
    internal static class KeyPaths
    {
        /// <param name="what">What the path is for, for the message: "folder", "key file".</param>
        public static string FullPath(string path, string what)
        {
            var bad = path.IndexOfAny(Path.GetInvalidPathChars());
            if (bad >= 0) throw KeyErrors.InvalidPath(path, what, $"it contains {Describe(path[bad])}, which no path may contain");
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                throw KeyErrors.InvalidPath(path, what, e.Message.TrimEnd('.'), e);
            }
        }

        private static string Describe(char c) => c switch
        {
            '\0' => "a NUL character",
            _ when char.IsControl(c) => $"the control character U+{(int)c:X4}",
            _ => $"the character '{c}'",
        };
    }
}
