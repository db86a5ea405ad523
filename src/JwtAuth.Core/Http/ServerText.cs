using System;
using System.Text;

namespace JwtAuth.Core.Http
{
    /// <summary>Text a server sent (an error description) made fit for our messages: short, one line, no secret.</summary>
    internal static class ServerText
    {
        private const int MaxLength = 300;

        /// <param name="secret">A value that must not appear (the access token the request carried); masked if the server echoed it.</param>
        public static string Clean(string? text, string? secret = null)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            if (!string.IsNullOrEmpty(secret))
            {
                text = text!.Replace(secret, "***");
            }

            var builder = new StringBuilder(Math.Min(text!.Length, MaxLength + 3));
            foreach (var ch in text)
            {
                if (builder.Length >= MaxLength)
                {
                    builder.Append("...");
                    break;
                }

                builder.Append(char.IsControl(ch) ? ' ' : ch);
            }

            return builder.ToString().Trim();
        }
    }
}
