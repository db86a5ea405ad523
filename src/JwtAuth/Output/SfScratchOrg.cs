using System;

namespace JwtAuth
{
    /// <summary>
    /// A scratch org of a Dev Hub, as New-SfScratchOrg creates it and Get-SfScratchOrg lists it: its ScratchOrgInfo record,
    /// what this machine stores for it, and what Connect-SfOrgJwt binds by property name (Username, LoginUrl, Audience,
    /// ClientId, Alias, and a <c>KeyFile</c> or <c>CertificateThumbprint</c> note property: the Dev Hub's key, present only
    /// when the hub's app can log in to the org, and only the one the hub signs with, so binding picks that parameter set).
    /// Remove-SfScratchOrg binds Username and DevHub.
    /// </summary>
    public sealed class SfScratchOrg
    {
        public string? Username { get; set; }

        /// <summary>The 18-character org id when the org is stored here, else ScratchOrgInfo's 15-character one.</summary>
        public string? OrgId { get; set; }

        public string? LoginUrl { get; set; }

        /// <summary>The org's instance, when it is stored here.</summary>
        public string? InstanceUrl { get; set; }

        /// <summary>Its alias here (the one set last), when it is stored here.</summary>
        public string? Alias { get; set; }

        /// <summary>The Dev Hub's username.</summary>
        public string DevHub { get; set; } = string.Empty;

        public SfScratchOrgStatus Status { get; set; }

        /// <summary>Salesforce's ErrorCode when the signup failed, e.g. C-1016.</summary>
        public string? ErrorCode { get; set; }

        /// <summary>The day the org expires.</summary>
        public DateTime? ExpirationDate { get; set; }

        /// <summary>The ScratchOrgInfo record's id (2SR...).</summary>
        public string ScratchOrgInfoId { get; set; } = string.Empty;

        /// <summary>The Dev Hub user who requested the org.</summary>
        public string? CreatedBy { get; set; }

        public DateTimeOffset? CreatedDate { get; set; }

        public string? Edition { get; set; }

        public string? OrgName { get; set; }

        /// <summary>Always https://test.salesforce.com, the audience scratch orgs accept.</summary>
        public string Audience { get; set; } = "https://test.salesforce.com";

        /// <summary>The consumer key of the connected app the org's admin is pre-authorized for (the Dev Hub's, for orgs JwtAuth made).</summary>
        public string? ClientId { get; set; }

        /// <summary>True when the Dev Hub's connected app and key can log in to the org by JWT.</summary>
        public bool CanConnectByJwt { get; set; }

        /// <summary>Why CanConnectByJwt is false (e.g. the org trusts PlatformCLI), else null.</summary>
        public string? CannotConnectReason { get; set; }

        /// <summary>True when this machine holds an auth for the org (this user's store or this process).</summary>
        public bool IsStoredHere { get; set; }

        public override string ToString() => Username ?? ScratchOrgInfoId;
    }
}
