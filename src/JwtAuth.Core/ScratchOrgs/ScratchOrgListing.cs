using System.Collections.Generic;
using JwtAuth.Core.Errors;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>What Get-SfScratchOrg found: the orgs, and an error for a username asked for (without wildcards) that is not there.</summary>
    public sealed class ScratchOrgListing
    {
        internal ScratchOrgListing(IReadOnlyList<ScratchOrgView> orgs, IReadOnlyList<JwtAuthException> notFound)
        {
            Orgs = orgs;
            NotFound = notFound;
        }

        /// <summary>Orgs stored here with an alias first, by alias, then the others by username (natural order).</summary>
        public IReadOnlyList<ScratchOrgView> Orgs { get; }

        public IReadOnlyList<JwtAuthException> NotFound { get; }
    }
}
