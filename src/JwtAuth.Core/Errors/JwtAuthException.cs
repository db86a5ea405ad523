using System;

namespace JwtAuth.Core.Errors
{
    /// <summary>
    /// The root of every error the core raises on purpose. <see cref="ErrorId"/> is stable across
    /// releases (scripts match on it), <see cref="Fix"/> tells the user what to change, and the
    /// message never carries a token, an assertion or key material.
    /// </summary>
    public class JwtAuthException : Exception
    {
        public JwtAuthException(string errorId, JwtAuthErrorKind kind, string problem, string? fix = null,
            object? target = null, Exception? innerException = null, string? targetKind = null)
            : base(Compose(problem, fix), innerException)
        {
            ErrorId = errorId ?? throw new ArgumentNullException(nameof(errorId));
            Kind = kind;
            Problem = problem;
            Fix = fix;
            Target = target;
            TargetKind = targetKind;
        }

        /// <summary>Stable identifier, e.g. <c>KeyFileNotFound</c>; becomes the ErrorRecord's id.</summary>
        public string ErrorId { get; }

        public JwtAuthErrorKind Kind { get; }

        /// <summary>What is wrong, without the fix.</summary>
        public string Problem { get; }

        /// <summary>What the user should do about it; becomes the ErrorRecord's RecommendedAction.</summary>
        public string? Fix { get; }

        /// <summary>The object the error is about (a path, a username, a URL); never a secret.</summary>
        public object? Target { get; }

        /// <summary>What <see cref="Target"/> is, in words (e.g. "key file", "thumbprint"); null when the error does not say.</summary>
        public string? TargetKind { get; }

        private static string Compose(string problem, string? fix) =>
            string.IsNullOrEmpty(fix) ? problem : problem + " " + fix;
    }
}
