using System;
using JwtAuth.Core.Errors;

namespace JwtAuth.Core.Login
{
    /// <summary>
    /// Salesforce answered the token request with an OAuth error (<c>{"error":..., "error_description":...}</c>).
    /// <see cref="JwtAuthException.ErrorId"/> names the documented case (InvalidClientId, InvalidAssertion,
    /// AudienceInvalid, AssertionExpired, UserNotApproved, InactiveUser, IpRestricted) or is
    /// <c>SalesforceAuthError</c> for anything else, whose text is kept as Salesforce sent it.
    /// Carries no assertion and no token.
    /// </summary>
    public sealed class SalesforceAuthException : JwtAuthException
    {
        internal SalesforceAuthException(string errorId, JwtAuthErrorKind kind, string problem, string fix, SalesforceErrorContext context)
            : base(errorId, kind, problem, fix, context.Username)
        {
            Error = context.Error;
            ErrorDescription = context.ErrorDescription;
            StatusCode = context.StatusCode;
            TokenUrl = context.TokenUrl;
            Audience = context.Audience;
            Username = context.Username;
            ClientId = context.ClientId;
            Attempts = context.Attempts;
            ReplicationWait = context.ReplicationWait;
        }

        /// <summary>Salesforce's <c>error</c> code, e.g. <c>invalid_grant</c>.</summary>
        public string Error { get; }

        /// <summary>Salesforce's <c>error_description</c>, e.g. <c>audience is invalid</c>.</summary>
        public string? ErrorDescription { get; }

        public int StatusCode { get; }

        /// <summary>The token endpoint the assertion went to.</summary>
        public string TokenUrl { get; }

        /// <summary>The <c>aud</c> claim that was sent.</summary>
        public string Audience { get; }

        public string Username { get; }

        public string ClientId { get; }

        /// <summary>How many token requests were made in total (more than one after retries).</summary>
        public int Attempts { get; }

        /// <summary>How long the client waited for a new scratch org's user to replicate before giving up; zero if it did not wait.</summary>
        public TimeSpan ReplicationWait { get; }
    }
}
