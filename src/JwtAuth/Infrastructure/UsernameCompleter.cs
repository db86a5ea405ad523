using System;
using System.Collections.Generic;
using System.Linq;
using JwtAuth.Core.Service;

namespace JwtAuth.Infrastructure
{
    /// <summary>Tab completion of -Username: the usernames of the stored auths, in natural order.</summary>
    public sealed class UsernameCompleter : CandidateCompleter
    {
        protected override IEnumerable<string> Candidates() =>
            OrgAuthService.ForCurrentUser(TimeSpan.FromSeconds(30)).List(null, false, false).Auths.Select(v => v.Auth.Username)
                .OrderBy(u => u, NaturalOrder.Instance);
    }
}
