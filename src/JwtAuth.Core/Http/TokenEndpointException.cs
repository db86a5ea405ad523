using System;
using JwtAuth.Core.Errors;

namespace JwtAuth.Core.Http
{
    /// <summary>
    /// The transport's error: the token endpoint or an org's REST API could not be reached, or answered something
    /// that is not Salesforce's JSON: connection refused, DNS failure, timeout, redirect, HTML from a proxy or
    /// outage page, truncated or incomplete JSON, an oversized body, repeated 5xx/429. (The name is older than the
    /// org API; scripts catch it by this name.) Never carries the assertion, a token or the response body.
    /// </summary>
    public sealed class TokenEndpointException : JwtAuthException
    {
        internal TokenEndpointException(string errorId, JwtAuthErrorKind kind, string problem, string fix, string url,
            Exception? innerException = null)
            : base(errorId, kind, problem, fix, url, innerException)
        {
            Url = url;
        }

        /// <summary>The URL that was requested.</summary>
        public string Url { get; }

        /// <summary>The HTTP status code, when a response arrived.</summary>
        public int? StatusCode { get; internal set; }

        /// <summary>The response's content type, when a response arrived.</summary>
        public string? ContentType { get; internal set; }

        /// <summary>For a redirect: the host the server pointed to (nothing was sent there).</summary>
        public string? RedirectHost { get; internal set; }

        /// <summary>How many requests were made before giving up.</summary>
        public int Attempts { get; internal set; } = 1;

        /// <summary>True when the failure is worth retrying (connection failures, 5xx, 429).</summary>
        internal bool IsTransient { get; set; }

        /// <summary>True when one quick retry is all the failure deserves (a refused connection).</summary>
        internal bool RetryOnceOnly { get; set; }

        /// <summary>The server's Retry-After, when it sent one.</summary>
        internal TimeSpan? RetryAfter { get; set; }
    }
}
