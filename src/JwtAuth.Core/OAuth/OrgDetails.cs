using System;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.OAuth
{
    /// <summary>What the follow-up calls learned about an org; null fields where a call failed.</summary>
    internal sealed class OrgDetails
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
    }

    /// <summary>The row of <c>SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM Organization</c>.</summary>
    internal sealed class OrganizationRecord
    {
        public string? Name { get; set; }
        public string? InstanceName { get; set; }
        public bool IsSandbox { get; set; }
        public DateTimeOffset? TrialExpirationDate { get; set; }
        public string? NamespacePrefix { get; set; }
        public string? OrganizationType { get; set; }
    }
}
