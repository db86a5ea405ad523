using System;
using System.Linq;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Model;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// Builds the <see cref="ScratchOrgException"/>s of the three cmdlets (what Salesforce's signup says is in
    /// <see cref="ScratchOrgSignupErrors"/>), so the wording and fixes stay consistent. Never a token or key.
    /// </summary>
    internal static class ScratchOrgErrors
    {
        public static StoreException NoDefaultDevHub() => new StoreException(StoreErrorIds.NoDefaultDevHub, JwtAuthErrorKind.ObjectNotFound,
            "No Dev Hub was named and no default Dev Hub is set.",
            "Pass -DevHub with the alias or username of a connected Dev Hub, or make one the default with Connect-SfOrgJwt -SetDefaultDevHub.");

        public static ScratchOrgException DevHubNotFound(string name, string? why = null) => new ScratchOrgException(
            ScratchOrgErrorIds.DevHubNotFound, JwtAuthErrorKind.ObjectNotFound,
            $"No connected org has the alias or username '{name}'{why}.",
            $"Connect the Dev Hub first (Connect-SfOrgJwt -Username <hub user> -ClientId <consumer key> -KeyFile <key> -Alias {Quote(name)} -SetDefaultDevHub), or pass -DevHub with a Dev Hub that Get-SfOrgAuth lists.",
            name);

        public static ScratchOrgException NotADevHub(StoredOrgAuth org) => new ScratchOrgException(
            ScratchOrgErrorIds.NotADevHub, JwtAuthErrorKind.InvalidArgument,
            $"'{org.Alias ?? org.Username}' ({org.Username}) is a {org.Auth.OrgType} org, not a Dev Hub, so it cannot create or delete scratch orgs.",
            "Pass -DevHub with a Dev Hub org (Get-SfOrgAuth lists the OrgType of each), or make one the default with Connect-SfOrgJwt -SetDefaultDevHub. " +
            "If this org is a Dev Hub enabled since it was connected, connect it again so its OrgType is read anew.",
            org.Username);

        public static ScratchOrgException DevHubKeyUnavailable(StoredOrgAuth hub, Exception? inner) => new ScratchOrgException(
            ScratchOrgErrorIds.DevHubKeyUnavailable, JwtAuthErrorKind.InvalidOperation,
            $"The Dev Hub '{hub.Username}' was connected with an in-memory key (-PrivateKey or -Certificate) in {(hub.Scope == OrgAuthScope.Process ? "this process" : "another session")}, so no key is at hand to sign its scratch orgs' logins.",
            $"Connect the Dev Hub again with -KeyFile or -CertificateThumbprint, or with -PrivateKey and -Scope Process in this session: Connect-SfOrgJwt -Username '{hub.Username}' -ClientId '{hub.Auth.ClientId}' ...",
            hub.Username, inner);

        public static ScratchOrgException CountOutOfRange(int count) => new ScratchOrgException(
            ScratchOrgErrorIds.CountOutOfRange, JwtAuthErrorKind.InvalidArgument,
            $"{count} is not a number of scratch orgs JwtAuth creates in one run.",
            $"Give -Count from 1 to {ScratchOrgRequest.MaxCount}.", count);

        public static ScratchOrgException AliasNeedsOneOrg(string alias, int count) => new ScratchOrgException(
            ScratchOrgErrorIds.AliasNeedsOneOrg, JwtAuthErrorKind.InvalidArgument,
            $"-Alias names one org, but -Count asks for {count}; an alias can point at only one of them.",
            $"Use -AliasPrefix {alias} to name them {alias}1 to {alias}{count}, or leave -Count out.", alias);

        public static ScratchOrgException AliasAndAliasPrefix() => new ScratchOrgException(
            ScratchOrgErrorIds.AliasAndAliasPrefix, JwtAuthErrorKind.InvalidArgument,
            "Both -Alias and -AliasPrefix were given.",
            "Give -Alias for one org, or -AliasPrefix to number several.", null);

        public static ScratchOrgException SetDefaultNeedsOneOrg(int count) => new ScratchOrgException(
            ScratchOrgErrorIds.SetDefaultNeedsOneOrg, JwtAuthErrorKind.InvalidArgument,
            $"-SetDefault makes one org the default, but -Count asks for {count}.",
            "Leave -SetDefault out and make one of them the default afterwards (Connect-SfOrgJwt ... -SetDefault), or create one org.", count);

        public static ScratchOrgException UsernameNeedsOneOrg(string definitionFile, int count) => new ScratchOrgException(
            ScratchOrgErrorIds.UsernameNeedsOneOrg, JwtAuthErrorKind.InvalidArgument,
            $"The definition file '{definitionFile}' sets 'username', but -Count asks for {count} orgs and a username can belong to only one.",
            "Remove 'username' from the file (Salesforce then makes a unique one for each org), or create one org.", definitionFile);

        public static ScratchOrgException NotFound(string name) => new ScratchOrgException(
            ScratchOrgErrorIds.ScratchOrgNotFound, JwtAuthErrorKind.ObjectNotFound,
            $"'{name}' is neither the alias of a connected org nor a username.",
            "Pass the scratch org's username (Get-SfScratchOrg lists them) or the alias it was stored under (Get-SfOrgAuth).", name);

        public static ScratchOrgException NotAScratchOrg(StoredOrgAuth org) => new ScratchOrgException(
            ScratchOrgErrorIds.NotAScratchOrg, JwtAuthErrorKind.InvalidArgument,
            $"'{org.Alias ?? org.Username}' ({org.Username}) is a {org.Auth.OrgType} org, not a scratch org; Remove-SfScratchOrg deletes only scratch orgs.",
            "Pass a scratch org (Get-SfScratchOrg lists them; Get-SfOrgAuth | Where-Object OrgType -eq Scratch | Remove-SfScratchOrg). To forget another org's auth, use Disconnect-SfOrg.",
            org.Username);

        public static ScratchOrgException NotListed(string username, string hub, bool all) => new ScratchOrgException(
            ScratchOrgErrorIds.ScratchOrgNotFound, JwtAuthErrorKind.ObjectNotFound,
            $"The Dev Hub '{hub}' has no {(all ? string.Empty : "active ")}scratch org with the username '{username}'.",
            all ? $"List its scratch orgs with Get-SfScratchOrg -DevHub '{hub}' -All." : $"List them with Get-SfScratchOrg -DevHub '{hub}' (add -All for deleted and failed ones).",
            username);

        public static ScratchOrgException NotReady(ScratchOrgTicket org, TimeSpan waited, string hub) => new ScratchOrgException(
            ScratchOrgErrorIds.ScratchOrgNotReady, JwtAuthErrorKind.OperationTimeout,
            $"Scratch org {org.Describe()} was still {org.LastStatus} after waiting {waited.TotalSeconds:0} seconds; Salesforce goes on creating it.",
            $"Find it later with Get-SfScratchOrg -DevHub '{hub}' -All (ScratchOrgInfo {org.ScratchOrgInfoId}); once it is Active, " +
            $"Get-SfScratchOrg -DevHub '{hub}' | Connect-SfOrgJwt logs in to it. Give -WaitSec more time next run.",
            org.ScratchOrgInfoId, scratchOrgInfoId: org.ScratchOrgInfoId);

        public static ScratchOrgException StatusUnreadable(ScratchOrgTicket org, string hub, JwtAuthException inner) => new ScratchOrgException(
            ScratchOrgErrorIds.ScratchOrgStatusUnreadable, inner.Kind,
            $"The status of scratch org {org.Describe()} could not be read from the Dev Hub '{hub}': {inner.Problem}",
            $"{inner.Fix} The org may still be created: Get-SfScratchOrg -DevHub '{hub}' -All finds it (ScratchOrgInfo {org.ScratchOrgInfoId}).",
            org.ScratchOrgInfoId, inner, org.ScratchOrgInfoId);

        public static ScratchOrgException UserNotReplicated(ScratchOrgInfoRecord record, string clientId, TimeSpan waited, string hub, Exception inner) =>
            new ScratchOrgException(ScratchOrgErrorIds.ScratchOrgUserNotReplicated, JwtAuthErrorKind.AuthenticationError,
                $"The new scratch org's user '{record.SignupUsername}' was still not approved for the Dev Hub's connected app '{clientId}' after waiting {waited.TotalSeconds:0} seconds; " +
                $"the org is Active (ScratchOrgInfo {record.Id}).",
                $"Connect it later with Get-SfScratchOrg -DevHub '{hub}' '{record.SignupUsername}' | Connect-SfOrgJwt. If that keeps failing, check the connected app's policy " +
                $"(Permitted Users = 'Admin approved users are pre-authorized'). Remove-SfScratchOrg '{record.SignupUsername}' deletes the org.",
                record.SignupUsername, inner, record.Id);

        public static ScratchOrgException RequestUnanswered(string hub, JwtAuthException inner) => new ScratchOrgException(
            ScratchOrgErrorIds.ScratchOrgRequestUnanswered, inner.Kind,
            $"A scratch org request to the Dev Hub '{hub}' got no usable answer ({inner.Problem}); Salesforce may still have created the org.",
            $"Get-SfScratchOrg -DevHub '{hub}' -All lists it if it did (connect it with Get-SfScratchOrg -DevHub '{hub}' | Connect-SfOrgJwt, or delete it with Remove-SfScratchOrg). {inner.Fix}",
            hub, inner);

        public static ScratchOrgException NotConnected(ScratchOrgInfoRecord record, string hub, JwtAuthException inner) => new ScratchOrgException(
            ScratchOrgErrorIds.ScratchOrgNotConnected, inner.Kind,
            $"Scratch org '{record.SignupUsername}' (ScratchOrgInfo {record.Id}) is Active but was not connected: {inner.Problem}",
            $"{inner.Fix} Then connect it with Get-SfScratchOrg -DevHub '{hub}' '{record.SignupUsername}' | Connect-SfOrgJwt, or delete it with Remove-SfScratchOrg '{record.SignupUsername}' -DevHub '{hub}'.",
            record.SignupUsername, inner, record.Id);

        public static ScratchOrgException SettingsNotDeployed(ScratchOrgInfoRecord record, string problem, Exception? inner) => new ScratchOrgException(
            ScratchOrgErrorIds.ScratchOrgSettingsNotDeployed, JwtAuthErrorKind.InvalidData,
            $"The definition's settings were not deployed to scratch org '{record.SignupUsername}': {problem}",
            $"The org is kept and stored. Correct the settings named above in the definition file and deploy them again (sf project deploy start), or delete the org with Remove-SfScratchOrg '{record.SignupUsername}'.",
            record.SignupUsername, inner, record.Id);

        public static ScratchOrgException DeleteNotPermitted(string username, string hub, OrgApi.OrgApiException inner) => new ScratchOrgException(
            ScratchOrgErrorIds.ScratchOrgDeleteNotPermitted, JwtAuthErrorKind.PermissionDenied,
            $"The Dev Hub user '{hub}' may not delete scratch orgs ({inner.ErrorCode}: {inner.SalesforceMessage}); '{username}' was not deleted.",
            "Delete it as a Dev Hub user with access to the ActiveScratchOrg object (System Administrator, or a permission set with Read and Delete on ActiveScratchOrg), or in the Dev Hub under App Launcher > Active Scratch Orgs.",
            username, inner, errorCode: inner.ErrorCode);

        private static string Quote(string name) => name.Any(char.IsWhiteSpace) ? $"'{name}'" : name;
    }
}
