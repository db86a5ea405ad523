using JwtAuth.Core.Model;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>Finds the Dev Hub a scratch org command works with, in both scopes, before any call is made.</summary>
    internal static class DevHubLookup
    {
        /// <summary>
        /// The stored Dev Hub named by alias or username, or the default Dev Hub when <paramref name="name"/> is null or empty.
        /// Refuses a name that is not stored (DevHubNotFound), no default (NoDefaultDevHub) and an org that is not a Dev Hub
        /// (NotADevHub; an org whose type could not be read when it was connected is let through: Salesforce will say).
        /// </summary>
        /// <param name="why">Added to the not-found message, e.g. where the name came from.</param>
        public static StoredOrgAuth Resolve(LayeredOrgAuthView stores, string? name, string? why = null)
        {
            StoredOrgAuth? hub;
            if (string.IsNullOrWhiteSpace(name))
            {
                hub = stores.ReadAll().DefaultDevHub ?? throw ScratchOrgErrors.NoDefaultDevHub();
            }
            else
            {
                hub = stores.Find(name!.Trim()) ?? throw ScratchOrgErrors.DevHubNotFound(name.Trim(), why);
            }

            if (hub.Auth.OrgType.IsKnownNotDevHub()) throw ScratchOrgErrors.NotADevHub(hub);
            return hub;
        }
    }
}
