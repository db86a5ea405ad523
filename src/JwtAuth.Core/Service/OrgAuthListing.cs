using System;
using System.Collections.Generic;

namespace JwtAuth.Core.Service
{
    /// <summary>What a listing found: the auths, the names that matched nothing, and files that could not be read.</summary>
    public sealed class OrgAuthListing
    {
        public OrgAuthListing(IReadOnlyList<OrgAuthView> auths, IReadOnlyList<string> unmatched, IReadOnlyList<Exception> problems)
        {
            Auths = auths;
            Unmatched = unmatched;
            Problems = problems;
        }

        public IReadOnlyList<OrgAuthView> Auths { get; }
        public IReadOnlyList<string> Unmatched { get; }
        public IReadOnlyList<Exception> Problems { get; }
    }
}
