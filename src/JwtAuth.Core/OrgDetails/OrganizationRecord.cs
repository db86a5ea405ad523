using System;

namespace JwtAuth.Core.OrgDetails
{
    /// <summary>The row of <see cref="OrgDetailsReader.OrganizationSoql"/>.</summary>
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
