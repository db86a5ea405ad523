using System;
using System.Collections.Generic;
using System.Linq;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Text;

namespace JwtAuth.Core.OrgApi
{
    /// <summary>Salesforce's REST error codes and statuses as stable ErrorIds, each with the fix for its cause.</summary>
    internal static class OrgApiErrors
    {
        public const string SessionExpired = "SessionExpired";
        public const string InsufficientAccess = "InsufficientAccess";
        public const string NotFound = "NotFound";
        public const string RequestLimitExceeded = "RequestLimitExceeded";
        public const string SalesforceRestError = "SalesforceRestError";
        public const string DeployTimedOut = "DeployTimedOut";

        public static OrgApiException From(int status, IReadOnlyList<RestError> errors, string what, string where)
        {
            var code = errors[0].ErrorCode;
            var said = string.Join("; ", errors.Select(e => e.ToString()));
            var problem = $"{what} at {where} was refused with HTTP {status} ({said}).";
            if (Is(code, "INVALID_SESSION_ID") || status == 401)
            {
                return new OrgApiException(SessionExpired, JwtAuthErrorKind.AuthenticationError, problem,
                    "The org's access token has expired or was revoked: get a new one (Get-SfOrgAuth renews it, or connect again with Connect-SfOrgJwt).",
                    where, status, errors);
            }

            if (Is(code, "REQUEST_LIMIT_EXCEEDED"))
            {
                return new OrgApiException(RequestLimitExceeded, JwtAuthErrorKind.ResourceUnavailable, problem,
                    "The org has used up its API requests for now: wait (the limit is counted over 24 hours) or ask Salesforce for a higher limit.",
                    where, status, errors);
            }

            if (code.StartsWith("INSUFFICIENT_ACCESS", StringComparison.OrdinalIgnoreCase) || status == 403)
            {
                return new OrgApiException(InsufficientAccess, JwtAuthErrorKind.PermissionDenied, problem,
                    "The signed-in user lacks a permission this call needs: have an admin grant it (profile or permission set), or sign in as a user who has it.",
                    where, status, errors);
            }

            if (Is(code, "NOT_FOUND") || status == 404)
            {
                return new OrgApiException(NotFound, JwtAuthErrorKind.ObjectNotFound, problem,
                    "Check the object name and record id; the record may have been deleted or may not be visible to this user.",
                    where, status, errors);
            }

            return new OrgApiException(SalesforceRestError,
                status >= 500 ? JwtAuthErrorKind.ResourceUnavailable : JwtAuthErrorKind.InvalidOperation, problem,
                status >= 500
                    ? "Salesforce could not handle the request right now: try again later (status.salesforce.com shows incidents)."
                    : "Change what Salesforce's message names (an object, field or value) and try again.",
                where, status, errors);
        }

        public static OrgApiException TimedOut(string id, DeployStatus status, TimeSpan waited, string where) =>
            new OrgApiException(DeployTimedOut, JwtAuthErrorKind.OperationTimeout,
                $"The Metadata deploy {id} was still {status} after waiting {Plural.Of(waited.TotalSeconds, "second", "0")}.",
                "Allow more time for the deploy, or follow it in Setup > Deployment Status: it may still finish.", where, null,
                Array.Empty<RestError>());

        private static bool Is(string code, string expected) => string.Equals(code, expected, StringComparison.OrdinalIgnoreCase);
    }
}
