using System;
using JwtAuth.Core.Errors;

namespace JwtAuth.Core.Login
{
    /// <summary>
    /// A login URL or audience that breaks the URL policy (not https, a path, a Lightning domain, ...).
    /// Raised before anything is signed or sent.
    /// </summary>
    public sealed class LoginUrlException : JwtAuthException
    {
        public LoginUrlException(string errorId, string problem, string fix, string? loginUrl, Exception? innerException = null)
            : base(errorId, JwtAuthErrorKind.InvalidArgument, problem, fix, loginUrl, innerException)
        {
            LoginUrl = loginUrl;
        }

        /// <summary>The URL as the caller gave it.</summary>
        public string? LoginUrl { get; }

        /// <summary>The URL to use instead, when one can be derived (e.g. the My Domain URL for a Lightning domain).</summary>
        public string? SuggestedLoginUrl { get; internal set; }
    }
}
