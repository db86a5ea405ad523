using System.Text;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// Maps a username to a file name, one to one: lower-cased (Salesforce usernames ignore case), with
    /// letters, digits, '@', '-', '_' and inner dots kept and every other byte written as %XX, so no
    /// username can escape the folder, hit a reserved character, or start with the '.' of temp files.
    /// </summary>
    internal static class OrgFileName
    {
        public static string For(string username)
        {
            var bytes = Encoding.UTF8.GetBytes(username.ToLowerInvariant());
            var builder = new StringBuilder(bytes.Length + 8);
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                var edgeDot = b == (byte)'.' && (i == 0 || i == bytes.Length - 1);
                if (!edgeDot && ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '@' || b == '-' || b == '_' || b == '.'))
                    builder.Append((char)b);
                else
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            return builder.ToString();
        }
    }
}
