using System;
using System.Collections.Generic;
using JwtAuth.Core.Errors;

namespace JwtAuth.Core.Service
{
    /// <summary>What a listing found: the auths, an error for each thing asked for that is not there, and files that could not be read.</summary>
    public sealed class OrgAuthListing
    {
        public OrgAuthListing(IReadOnlyList<OrgAuthView> auths, IReadOnlyList<JwtAuthException> notFound, IReadOnlyList<Exception> problems)
        {
            Auths = auths;
            NotFound = notFound;
            Problems = problems;
        }

        /// <summary>In listing order (<see cref="OrgAuthViews.Sorted"/>), or in the order of the names asked for.</summary>
        public IReadOnlyList<OrgAuthView> Auths { get; }

        /// <summary>A literal name that matched nothing (<c>OrgAuthNotFound</c>) or a default that is not set (<c>NoDefaultOrg</c>, <c>NoDefaultDevHub</c>).</summary>
        public IReadOnlyList<JwtAuthException> NotFound { get; }

        public IReadOnlyList<Exception> Problems { get; }
    }
}
