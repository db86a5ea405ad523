using System;
using System.Collections.Generic;
using JwtAuth.Core.Service;

namespace JwtAuth.Infrastructure
{
    /// <summary>Tab completion of org names: aliases first, then usernames, each in natural order, from the stored auths.</summary>
    public sealed class OrgNameCompleter : CandidateCompleter
    {
        protected override IEnumerable<string> Candidates() => OrgAuthService.ForCurrentUser(TimeSpan.FromSeconds(30)).CompletionNames();
    }
}
