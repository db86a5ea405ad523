using System;

namespace JwtAuth
{
    /// <summary>
    /// A scratch org of a Dev Hub, as New-SfScratchOrg creates it and Get-SfScratchOrg lists it: its ScratchOrgInfo record,
    /// what this machine stores for it, and the Dev Hub's connected app and key for a JWT login. It is an SfOrgAuthBase, so
    /// Connect-SfOrgJwt takes it as it takes Get-SfOrgAuth's objects: Username, LoginUrl, Audience, ClientId, Alias and KeyFile
    /// by property name, and a Dev Hub that signs by CertificateThumbprint through the piped object (the binder settles on the
    /// key file parameter set before it would look at a thumbprint property). Remove-SfScratchOrg binds Username and DevHub.
    /// </summary>
    public sealed class SfScratchOrg : SfOrgAuthBase
    {
        public SfScratchOrg()
        {
            OrgType = SfOrgType.Scratch;
            Audience = "https://test.salesforce.com";
            Scope = SfAuthScope.DevHub;
        }

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

        /// <summary>True when the Dev Hub's connected app and key can log in to the org by JWT.</summary>
        public bool CanConnectByJwt { get; set; }

        /// <summary>Why CanConnectByJwt is false (e.g. the org trusts PlatformCLI), else null. Note says the same.</summary>
        public string? CannotConnectReason { get; set; }

        /// <summary>True when this machine holds an auth for the org (this user's store or this process).</summary>
        public bool IsStoredHere { get; set; }

        /// <summary>Always false: listing scratch orgs hands out no token (Get-SfOrgAuth does, for stored ones).</summary>
        public override bool HasToken => false;
    }
}
