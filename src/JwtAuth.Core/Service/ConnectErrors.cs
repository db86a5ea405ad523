using System.Collections.Generic;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Service
{
    /// <summary>What a connect refuses about the requests themselves (not the key, the URL or Salesforce's answer).</summary>
    internal static class ConnectErrors
    {
        public const string DuplicateAliasId = "DuplicateAlias";
        public const string DuplicateDefaultId = "DuplicateDefault";
        public const string DuplicateUsernameId = "DuplicateUsername";
        public const string NotADevHubId = "NotADevHub";

        public static JwtAuthException DuplicateAlias(string alias, IReadOnlyCollection<string> usernames, string username) =>
            new JwtAuthException(DuplicateAliasId, JwtAuthErrorKind.InvalidArgument,
                $"The alias '{alias}' is asked for by {usernames.Count} orgs of this input ({string.Join(", ", usernames)}): an alias names one org, and which one kept it would depend on which login finished last.",
                "Give each row its own Alias, or leave the Alias empty in all rows but one.", username);

        public static JwtAuthException DuplicateDefault(bool devHub, IReadOnlyCollection<string> usernames, string username) =>
            new JwtAuthException(DuplicateDefaultId, JwtAuthErrorKind.InvalidArgument,
                $"{usernames.Count} orgs of this input ask to become the default {(devHub ? "Dev Hub" : "org")} ({string.Join(", ", usernames)}); only one can be.",
                $"Connect the one that should be the default on its own with {(devHub ? "-SetDefaultDevHub" : "-SetDefault")}.", username);

        public static JwtAuthException DuplicateUsername(string username, int count) =>
            new JwtAuthException(DuplicateUsernameId, JwtAuthErrorKind.InvalidArgument,
                $"'{username}' is {count} times in this input; each connect would replace the one before it.",
                "Connect each org once: leave out the repeated rows (for example with Sort-Object Username -Unique).", username);

        /// <summary>As <c>sf org login jwt --set-default-dev-hub</c> refuses an org that is not a Dev Hub.</summary>
        public static JwtAuthException NotADevHub(OrgAuth auth) =>
            new JwtAuthException(NotADevHubId, JwtAuthErrorKind.InvalidArgument,
                $"'{auth.Username}' is a {auth.OrgType} org, not a Dev Hub, so it cannot be the default Dev Hub; nothing was stored for it.",
                $"Connect '{auth.Username}' without -SetDefaultDevHub, and give -SetDefaultDevHub to the Dev Hub org's connect instead.", auth.Username);
    }
}
