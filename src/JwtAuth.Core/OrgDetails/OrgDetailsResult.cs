using JwtAuth.Core.Model;

namespace JwtAuth.Core.OrgDetails
{
    /// <summary>What the org detail read learned about an org; null fields where a call failed.</summary>
    internal sealed class OrgDetailsResult
    {
        public string? ApiVersion { get; set; }
        public OrganizationRecord? Organization { get; set; }

        /// <summary>True: the ScratchOrgInfo query answered below 400; false: it was refused; null: it could not be made.</summary>
        public bool? IsDevHub { get; set; }

        /// <summary>The Salesforce CLI's rules: Dev Hub first, then sandbox flags; Unknown when the Organization query failed.</summary>
        public OrgType OrgType
        {
            get
            {
                if (IsDevHub == true)
                {
                    return OrgType.DevHub;
                }

                if (Organization is null)
                {
                    return OrgType.Unknown;
                }

                if (Organization.IsSandbox)
                {
                    return Organization.TrialExpirationDate.HasValue ? OrgType.Scratch : OrgType.Sandbox;
                }

                return OrgType.Production;
            }
        }

        public void ApplyTo(OrgAuth auth)
        {
            auth.ApiVersion = ApiVersion;
            auth.OrgType = OrgType;
            auth.OrgName = Organization?.Name;
            auth.InstanceName = Organization?.InstanceName;
            auth.NamespacePrefix = Organization?.NamespacePrefix;
            auth.TrialExpirationDate = Organization?.TrialExpirationDate;
        }
    }
}
