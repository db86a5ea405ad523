using System;
using System.Collections.Generic;
using JwtAuth.Core.Errors;

namespace JwtAuth.Core.OrgApi
{
    /// <summary>
    /// A call to an org's REST API that Salesforce answered with its error list, or a Metadata deploy that did not finish
    /// in time. <see cref="JwtAuthException.ErrorId"/> is <c>SessionExpired</c>, <c>InsufficientAccess</c>, <c>NotFound</c>,
    /// <c>RequestLimitExceeded</c>, <c>SalesforceRestError</c> or <c>DeployTimedOut</c>. Never carries the token; the URL
    /// it names has no query. Transport failures and answers that are not Salesforce's JSON are
    /// <see cref="Http.TokenEndpointException"/>s instead.
    /// </summary>
    public sealed class OrgApiException : JwtAuthException
    {
        internal OrgApiException(string errorId, JwtAuthErrorKind kind, string problem, string fix, string url, int? statusCode,
            IReadOnlyList<RestError> errors)
            : base(errorId, kind, problem, fix, url)
        {
            Url = url;
            StatusCode = statusCode;
            Errors = errors;
        }

        /// <summary>The resource that was called, without its query.</summary>
        public string Url { get; }

        /// <summary>The HTTP status of Salesforce's answer; null for a deploy that timed out.</summary>
        public int? StatusCode { get; }

        /// <summary>Every entry of Salesforce's error list (usually one).</summary>
        public IReadOnlyList<RestError> Errors { get; }

        /// <summary>The first entry's errorCode, e.g. <c>INVALID_SESSION_ID</c>.</summary>
        public string? ErrorCode => Errors.Count > 0 ? Errors[0].ErrorCode : null;

        /// <summary>The first entry's message as Salesforce wrote it (cleaned).</summary>
        public string? SalesforceMessage => Errors.Count > 0 ? Errors[0].Message : null;

        /// <summary>The first entry's fields.</summary>
        public IReadOnlyList<string> Fields => Errors.Count > 0 ? Errors[0].Fields : Array.Empty<string>();
    }
}
