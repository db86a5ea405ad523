namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>What Remove-SfScratchOrg is about to do for one org, found before it asks for confirmation.</summary>
    public sealed class ScratchOrgDeletion
    {
        internal ScratchOrgDeletion(string username, DevHubSession hub, string? activeScratchOrgId, bool isStoredHere, bool isInSfCli)
        {
            Username = username;
            Hub = hub;
            ActiveScratchOrgId = activeScratchOrgId;
            IsStoredHere = isStoredHere;
            IsInSfCli = isInSfCli;
        }

        public string Username { get; }

        /// <summary>The Dev Hub's username.</summary>
        public string DevHub => Hub.Username;

        /// <summary>The org's ActiveScratchOrg record (<c>2AS...</c>); null when the org already expired or was deleted.</summary>
        public string? ActiveScratchOrgId { get; }

        /// <summary>This machine holds an auth for the org (its auth, aliases and default marks get forgotten).</summary>
        public bool IsStoredHere { get; }

        /// <summary>The Salesforce CLI knows the org and -SfCli was given.</summary>
        public bool IsInSfCli { get; }

        /// <summary>False when there is nothing to do at all: no active org and nothing stored.</summary>
        public bool HasWork => ActiveScratchOrgId != null || IsStoredHere || IsInSfCli;

        /// <summary>For ShouldProcess, e.g. "Delete the scratch org in Dev Hub hub@example.com and forget its auth".</summary>
        public string Action =>
            (ActiveScratchOrgId != null ? $"Delete the scratch org in Dev Hub {DevHub}" : "Forget the expired scratch org")
            + (IsStoredHere || IsInSfCli ? (ActiveScratchOrgId != null ? " and forget its auth" : "'s auth") : string.Empty)
            + (IsInSfCli ? " (also in the Salesforce CLI)" : string.Empty);

        /// <summary>The warning for an org that has no ActiveScratchOrg record.</summary>
        public string GoneMessage =>
            $"Scratch org '{Username}' is not active in Dev Hub {DevHub}: it has expired or was deleted already." +
            (IsStoredHere || IsInSfCli ? " Its local auth is forgotten." : " Nothing is stored for it here.");

        internal DevHubSession Hub { get; }

        public override string ToString() => Username;
    }
}
