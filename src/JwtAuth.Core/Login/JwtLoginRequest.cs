using System;

namespace JwtAuth.Core.Login
{
    /// <summary>One JWT bearer login: who signs in, with which connected app, where.</summary>
    public sealed class JwtLoginRequest
    {
        /// <summary>The connected app's Consumer Key; becomes the <c>iss</c> claim.</summary>
        public string ClientId { get; set; } = string.Empty;

        /// <summary>The Salesforce username; becomes the <c>sub</c> claim.</summary>
        public string Username { get; set; } = string.Empty;

        /// <summary>
        /// Where the assertion goes: login.salesforce.com, test.salesforce.com or a My Domain host.
        /// A bare host gets https://. The token request goes to this host only, never elsewhere.
        /// </summary>
        public string LoginUrl { get; set; } = LoginUrlPolicy.DefaultLoginUrl;

        /// <summary>The <c>aud</c> claim; null lets <see cref="Jwt.AudienceResolver"/> pick it from the login URL.</summary>
        public string? Audience { get; set; }

        /// <summary>
        /// How long, in total, to keep retrying "user hasn't approved this consumer" (a new scratch org's user that
        /// has not replicated yet). Null: <see cref="SalesforceLoginClientOptions.SandboxRetryTimeout"/> when the
        /// audience is test.salesforce.com, zero otherwise.
        /// </summary>
        public TimeSpan? RetryTimeout { get; set; }

        /// <summary>
        /// The bound for each HTTP request of this login (token, then org details). Null:
        /// <see cref="SalesforceLoginClientOptions.RequestTimeout"/>. One client serves calls with different bounds.
        /// </summary>
        public TimeSpan? RequestTimeout { get; set; }

        public override string ToString() => $"{Username} at {LoginUrl}";
    }
}
