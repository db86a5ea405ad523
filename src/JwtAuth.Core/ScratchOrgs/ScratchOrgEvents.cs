using System;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// Where a New-SfScratchOrg run reports as it goes. Every callback may come from any thread, and several at once:
    /// the cmdlet marshals them to its pipeline thread.
    /// </summary>
    public sealed class ScratchOrgEvents
    {
        /// <summary>An org is done: stored (and its settings deployed), or failed; called once per requested org.</summary>
        public Action<ScratchOrgOutcome> OnResult { get; set; } = _ => { };

        public Action<ScratchOrgProgress> OnProgress { get; set; } = _ => { };

        /// <summary>A problem that is not one org's: inserts not sent after Salesforce refused the request.</summary>
        public Action<Exception> OnError { get; set; } = _ => { };

        public Action<string> OnVerbose { get; set; } = _ => { };

        public Action<string> OnWarning { get; set; } = _ => { };
    }
}
