using System;
using System.Collections.Generic;
using System.Linq;
using JwtAuth.Core.Jwt;
using JwtAuth.Core.Service;

namespace JwtAuth.Infrastructure
{
    /// <summary>Tab completion of -LoginUrl: the two login hosts, then the My Domain URLs of the stored orgs in natural order.</summary>
    public sealed class LoginUrlCompleter : CandidateCompleter
    {
        protected override IEnumerable<string> Candidates()
        {
            var stored = OrgAuthService.ForCurrentUser(TimeSpan.FromSeconds(30)).List(null, false, false).Auths
                .SelectMany(v => new[] { v.Auth.LoginUrl, v.Auth.InstanceUrl })
                .Where(url => url != null && url.IndexOf(".my.salesforce.com", StringComparison.OrdinalIgnoreCase) >= 0)
                .OrderBy(url => url, NaturalOrder.Instance);
            return new[] { AudienceResolver.Production, AudienceResolver.Sandbox }.Concat(stored!);
        }
    }
}
