using System;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>How one org of a New-SfScratchOrg run ended: the org as stored, an error, or both (stored, but its settings failed).</summary>
    public sealed class ScratchOrgOutcome
    {
        internal ScratchOrgOutcome(ScratchOrgTicket ticket, ScratchOrgView? org, Exception? error)
        {
            Ticket = ticket;
            Org = org;
            Error = error;
        }

        public ScratchOrgTicket Ticket { get; }

        /// <summary>The org as stored (after the save); null when it was not stored.</summary>
        public ScratchOrgView? Org { get; }

        /// <summary>What went wrong, usually a <see cref="Errors.JwtAuthException"/>; null when all went well.</summary>
        public Exception? Error { get; }

        public override string ToString() => $"{Ticket}: {(Error is null ? "done" : Error.GetType().Name)}";
    }
}
