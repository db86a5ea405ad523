using System.Collections.Generic;
using JwtAuth.Core.Jwt;

namespace JwtAuth.Infrastructure
{
    /// <summary>Tab completion of -Audience: the two documented authorization servers.</summary>
    public sealed class AudienceCompleter : CandidateCompleter
    {
        protected override IEnumerable<string> Candidates() => new[] { AudienceResolver.Production, AudienceResolver.Sandbox };
    }
}
