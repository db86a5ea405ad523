using System.Collections.Generic;

namespace JwtAuth.Infrastructure
{
    /// <summary>Tab completion of New-SfScratchOrg -Edition: the editions Salesforce's scratch org signup accepts.</summary>
    public sealed class EditionCompleter : CandidateCompleter
    {
        protected override IEnumerable<string> Candidates() => new[]
        {
            "Developer", "Enterprise", "Group", "Professional",
            "partner-developer", "partner-enterprise", "partner-group", "partner-professional",
        };
    }
}
