using System;

namespace JwtAuth.Core.Model
{
    /// <summary>
    /// Where a scratch org that New-SfScratchOrg created came from: its Dev Hub and its ScratchOrgInfo record. Kept with the
    /// auth so Remove-SfScratchOrg finds the hub without being told, and so the Salesforce CLI can list the org under it.
    /// Null for every auth that Connect-SfOrgJwt made (it cannot know an org's hub).
    /// </summary>
    public sealed class ScratchOrgOrigin
    {
        /// <summary>The username of the Dev Hub the org was created from.</summary>
        public string DevHubUsername { get; set; } = string.Empty;

        /// <summary>The ScratchOrgInfo record's id (<c>2SR...</c>) in that Dev Hub.</summary>
        public string? ScratchOrgInfoId { get; set; }

        /// <summary>The day the org expires (ScratchOrgInfo.ExpirationDate, a date without time).</summary>
        public DateTime? ExpirationDate { get; set; }

        /// <summary>When the signup was requested (ScratchOrgInfo.CreatedDate).</summary>
        public DateTimeOffset? CreatedDate { get; set; }

        /// <summary>The instance the org was created on (ScratchOrgInfo.SignupInstance), e.g. <c>USA524S</c>.</summary>
        public string? SignupInstance { get; set; }

        public ScratchOrgOrigin Copy() => (ScratchOrgOrigin)MemberwiseClone();

        public override string ToString() => $"{ScratchOrgInfoId} in {DevHubUsername}";
    }
}
