using JwtAuth.Core.Errors;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.Service
{
    /// <summary>
    /// What the cmdlets say when what was asked for is not there, each with the fix that fits the command:
    /// listing names the listing and Connect-SfOrgJwt, removal names the listing of where it looked.
    /// </summary>
    internal static class OrgLookupErrors
    {
        /// <summary>Get-SfOrgAuth &lt;name&gt;: no stored org has it.</summary>
        public static StoreException NotStored(string name) => StoreException.NotFound(name);

        /// <summary>Get-SfOrgAuth -SfCli &lt;name&gt;: the CLI has no such org.</summary>
        public static StoreException NotInSfCli(string name) =>
            new StoreException(StoreErrorIds.OrgAuthNotFound, JwtAuthErrorKind.ObjectNotFound,
                $"The Salesforce CLI has no org with the username or alias '{name}'.",
                "List the CLI's orgs with Get-SfOrgAuth -SfCli.", name);

        /// <summary>Disconnect-SfOrg &lt;name&gt;: nothing to remove, in JwtAuth (and the CLI when it was searched too).</summary>
        public static StoreException NothingToRemove(string name, bool includeSfCli) =>
            new StoreException(StoreErrorIds.OrgAuthNotFound, JwtAuthErrorKind.ObjectNotFound,
                $"No authorized org has the username or alias '{name}'{(includeSfCli ? " in JwtAuth or the Salesforce CLI" : string.Empty)}.",
                includeSfCli
                    ? "List the orgs with Get-SfOrgAuth and Get-SfOrgAuth -SfCli, and pass a username or alias from there."
                    : "List the orgs with Get-SfOrgAuth, and pass a username or alias from there.",
                name);

        /// <summary>Get-SfOrgAuth -DefaultOrg / -DefaultDevHub with no such mark set.</summary>
        public static StoreException NoDefault(bool devHub) => devHub
            ? new StoreException(StoreErrorIds.NoDefaultDevHub, JwtAuthErrorKind.ObjectNotFound, "No default Dev Hub is set.",
                "Make a Dev Hub the default with Connect-SfOrgJwt -SetDefaultDevHub, or name the org instead.")
            : new StoreException(StoreErrorIds.NoDefaultOrg, JwtAuthErrorKind.ObjectNotFound, "No default org is set.",
                "Make an org the default with Connect-SfOrgJwt -SetDefault, or name the org instead.");
    }
}
