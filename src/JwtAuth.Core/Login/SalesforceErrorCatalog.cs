using System;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Http;
using JwtAuth.Core.Jwt;
using JwtAuth.Core.Text;

namespace JwtAuth.Core.Login
{
    /// <summary>
    /// Turns Salesforce's OAuth error codes into stable ErrorIds with the fix for each documented cause.
    /// </summary>
    internal static class SalesforceErrorCatalog
    {
        internal const string UserNotApprovedId = "UserNotApproved";

        /// <summary>The "user hasn't approved this consumer" answer, which a new scratch org gives until its user replicates.</summary>
        public static bool IsUserNotApproved(string error, string? description) =>
            string.Equals(error, "invalid_grant", StringComparison.OrdinalIgnoreCase)
            && Contains(description, "approved this consumer");

        public static SalesforceAuthException Create(SalesforceErrorContext c)
        {
            var error = ServerText.Clean(c.Error);
            var description = ServerText.Clean(c.ErrorDescription);
            c.Error = error;
            c.ErrorDescription = description;
            var said = string.IsNullOrEmpty(description) ? error : $"{error}: {description}";
            var auth = JwtAuthErrorKind.AuthenticationError;

            if (string.Equals(error, "invalid_client_id", StringComparison.OrdinalIgnoreCase))
            {
                return new SalesforceAuthException("InvalidClientId", auth,
                    $"Salesforce at {c.TokenUrl} does not know the client id '{c.ClientId}' ({said}).",
                    "Check -ClientId: it is the connected app's Consumer Key (Setup > App Manager > the app > View > Manage Consumer Details). " +
                    "The app must exist in (or be installed into) the org behind the login URL. A new or changed connected app takes 2 to 10 minutes to propagate: wait and try again.",
                    c);
            }

            if (IsUserNotApproved(error, description))
            {
                if (c.ReplicationWait > TimeSpan.Zero)
                {
                    return new SalesforceAuthException(UserNotApprovedId, auth,
                        $"Salesforce still says user '{c.Username}' hasn't approved this consumer after waiting {Plural.Of((int)Math.Round(c.ReplicationWait.TotalSeconds), "second")} over {Plural.Of(c.Attempts, "attempt")} ({said}).",
                        "If the scratch org is new, its user may need longer to replicate: raise -RetryTimeoutSec. Otherwise pre-authorize the user: in the connected app, Manage > Edit Policies > Permitted Users = 'Admin approved users are pre-authorized', " +
                        "then add the user's profile or a permission set under Manage Profiles / Manage Permission Sets. Also check that the username exists in the org behind the login URL.",
                        c);
                }

                return new SalesforceAuthException(UserNotApprovedId, auth,
                    $"Salesforce says user '{c.Username}' hasn't approved the connected app '{c.ClientId}' ({said}).",
                    "In the connected app, set Manage > Edit Policies > Permitted Users = 'Admin approved users are pre-authorized', then add the user's profile or a permission set " +
                    "under Manage Profiles / Manage Permission Sets. Check that the username exists in the org behind the login URL. " +
                    "For a scratch org created minutes ago its user may not have replicated yet: retry with -RetryTimeoutSec 300.",
                    c);
            }

            if (string.Equals(error, "invalid_grant", StringComparison.OrdinalIgnoreCase))
            {
                if (Contains(description, "invalid assertion"))
                {
                    return new SalesforceAuthException("InvalidAssertion", auth,
                        $"Salesforce rejected the signed assertion for '{c.Username}' ({said}).",
                        $"{c.KeyDescription} most likely does not pair with the certificate uploaded to the connected app under 'Use digital signatures': " +
                        "upload the .crt made with this key (App Manager > the app > Edit > Use digital signatures), or sign with the key whose certificate is uploaded. " +
                        "Salesforce gives the same answer for a malformed JWT.",
                        c);
                }

                if (Contains(description, "audience is invalid"))
                {
                    var other = string.Equals(c.Audience, AudienceResolver.Sandbox, StringComparison.OrdinalIgnoreCase)
                        ? AudienceResolver.Production : AudienceResolver.Sandbox;
                    return new SalesforceAuthException("AudienceInvalid", auth,
                        $"Salesforce rejected the audience '{c.Audience}' ({said}).",
                        $"Use -Audience {AudienceResolver.Sandbox} for sandboxes and scratch orgs and -Audience {AudienceResolver.Production} for production, Developer Edition and Dev Hub orgs; " +
                        $"this org probably wants -Audience {other}.",
                        c);
                }

                if (Contains(description, "expired authorization code"))
                {
                    return new SalesforceAuthException("AssertionExpired", auth,
                        $"Salesforce says the assertion for '{c.Username}' had already expired ({said}).",
                        $"The assertion is valid for {AssertionBuilder.Lifetime.TotalMinutes:0} minutes after signing, so this machine's clock is probably off: " +
                        "check the date, time and time zone and sync it with NTP (w32tm /resync on Windows, timedatectl or chronyc on Linux, sntp on macOS).",
                        c);
                }

                if (Contains(description, "inactive user"))
                {
                    return new SalesforceAuthException("InactiveUser", auth,
                        $"Salesforce says user '{c.Username}' is inactive ({said}).",
                        "Activate the user in Setup > Users, or sign in as an active user.",
                        c);
                }

                if (Contains(description, "ip restricted"))
                {
                    return new SalesforceAuthException("IpRestricted", auth,
                        $"Salesforce refused the login for '{c.Username}' from this machine's IP address ({said}).",
                        "In the connected app set Manage > Edit Policies > IP Relaxation = 'Relax IP restrictions', or add this machine's address to the profile's Login IP Ranges.",
                        c);
                }
            }

            return new SalesforceAuthException("SalesforceAuthError", auth,
                $"Salesforce refused the token request for '{c.Username}' at {c.TokenUrl} with HTTP {c.StatusCode} ({said}).",
                "Check the client id, username, login URL and the certificate uploaded to the connected app against Salesforce's description above.",
                c);
        }

        private static bool Contains(string? text, string part) =>
            text != null && text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
