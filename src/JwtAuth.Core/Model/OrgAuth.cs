using System;

namespace JwtAuth.Core.Model
{
    /// <summary>
    /// One authorized org: what a successful JWT login yields and what the store keeps.
    /// <see cref="AccessToken"/> lives only in memory here; the store persists it protected.
    /// </summary>
    public sealed class OrgAuth
    {
        public string Username { get; set; } = string.Empty;
        public string OrgId { get; set; } = string.Empty;
        public string UserId { get; set; } = string.Empty;
        public string? Alias { get; set; }
        public OrgType OrgType { get; set; }
        public string InstanceUrl { get; set; } = string.Empty;
        public string LoginUrl { get; set; } = string.Empty;
        public string Audience { get; set; } = string.Empty;
        public string ClientId { get; set; } = string.Empty;
        public KeyReference Key { get; set; } = KeyReference.None();

        /// <summary>The identity URL Salesforce returned (<c>id</c>).</summary>
        public string? IdUrl { get; set; }

        public DateTimeOffset IssuedAt { get; set; }

        /// <summary>Latest REST API version the org offers, e.g. <c>62.0</c>, when the follow-up calls found it.</summary>
        public string? ApiVersion { get; set; }

        /// <summary>Org name, instance and namespace from the Organization query; null when that call failed.</summary>
        public string? OrgName { get; set; }
        public string? InstanceName { get; set; }
        public string? NamespacePrefix { get; set; }
        public DateTimeOffset? TrialExpirationDate { get; set; }

        /// <summary>For a scratch org New-SfScratchOrg created: its Dev Hub and ScratchOrgInfo record; null otherwise.</summary>
        public ScratchOrgOrigin? ScratchOrg { get; set; }

        /// <summary>The bearer token. Kept out of <see cref="ToString"/> and never written in plain text.</summary>
        public string? AccessToken { get; set; }

        public override string ToString() => $"{Username} ({OrgId}, {OrgType})";
    }
}
