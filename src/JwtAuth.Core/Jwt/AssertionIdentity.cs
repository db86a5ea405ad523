using JwtAuth.Core.Errors;

namespace JwtAuth.Core.Jwt
{
    /// <summary>
    /// The assertion's <c>sub</c> (the username) and <c>iss</c> (the connected app's Consumer Key), checked in this one
    /// place before anything is signed or sent. Salesforce usernames are at most 80 characters and, like consumer keys,
    /// never hold white space or control characters: such input (two values pasted together, a stray escape) is refused.
    /// </summary>
    internal static class AssertionIdentity
    {
        private const int MaxUsernameLength = 80;
        private const int MaxClientIdLength = 256;

        /// <summary>The username and client id without surrounding white space.</summary>
        /// <exception cref="JwtAuthException">MissingUsername, MissingClientId, InvalidUsername or InvalidClientIdFormat.</exception>
        public static (string Username, string ClientId) Check(string? username, string? clientId)
        {
            var user = username?.Trim() ?? string.Empty;
            var client = clientId?.Trim() ?? string.Empty;
            if (user.Length == 0)
            {
                throw new JwtAuthException("MissingUsername", JwtAuthErrorKind.InvalidArgument, "No username was given.",
                    "Pass -Username with the Salesforce username to sign in as.");
            }

            if (client.Length == 0)
            {
                throw new JwtAuthException("MissingClientId", JwtAuthErrorKind.InvalidArgument, "No client id was given.",
                    "Pass -ClientId with the connected app's Consumer Key (App Manager > the app > View > Manage Consumer Details).", user);
            }

            if (user.Length > MaxUsernameLength || HasSpaceOrControl(user))
            {
                throw new JwtAuthException("InvalidUsername", JwtAuthErrorKind.InvalidArgument,
                    user.Length > MaxUsernameLength
                        ? $"The username is {user.Length} characters long; Salesforce usernames have at most {MaxUsernameLength}."
                        : "The username contains white space or control characters; Salesforce usernames never do.",
                    "Pass -Username with exactly one Salesforce username, e.g. admin@example.com (check for values pasted together or stray characters).");
            }

            if (client.Length > MaxClientIdLength || HasSpaceOrControl(client))
            {
                throw new JwtAuthException("InvalidClientIdFormat", JwtAuthErrorKind.InvalidArgument,
                    client.Length > MaxClientIdLength
                        ? $"The client id is {client.Length} characters long; a connected app's Consumer Key is under {MaxClientIdLength}."
                        : "The client id contains white space or control characters; a Consumer Key never does.",
                    "Pass -ClientId with the connected app's Consumer Key exactly as Salesforce shows it (App Manager > the app > View > Manage Consumer Details).",
                    user);
            }

            if (string.Equals(client, PlatformCli, System.StringComparison.OrdinalIgnoreCase))
            {
                throw new JwtAuthException("PlatformCliNotJwt", JwtAuthErrorKind.InvalidArgument,
                    $"'{PlatformCli}' is the Salesforce CLI's own connected app, which has no certificate, so Salesforce accepts no JWT for it. " +
                    $"A scratch org whose ConnectedAppConsumerKey is {PlatformCli} was created by a Dev Hub authorized in a browser (sf org login web).",
                    "Log in to that org in a browser ('sf org login web --instance-url <its LoginUrl>'), or create scratch orgs with New-SfScratchOrg: " +
                    "their admin trusts the Dev Hub's own connected app, which JWT can use.",
                    user);
            }

            return (user, client);
        }

        /// <summary>The consumer key the Salesforce CLI puts in ScratchOrgInfo when its Dev Hub auth has no connected app of its own.</summary>
        internal const string PlatformCli = "PlatformCLI";

        private static bool HasSpaceOrControl(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
