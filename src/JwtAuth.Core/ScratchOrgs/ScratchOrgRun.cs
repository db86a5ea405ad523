using System.Collections.Generic;
using System.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>A finished (or stopped) New-SfScratchOrg run: every org it was asked for, with how far each got.</summary>
    public sealed class ScratchOrgRun
    {
        internal ScratchOrgRun(IReadOnlyList<ScratchOrgTicket> orgs, bool stopped)
        {
            Orgs = orgs;
            Stopped = stopped;
        }

        /// <summary>In request order.</summary>
        public IReadOnlyList<ScratchOrgTicket> Orgs { get; }

        /// <summary>True when the run was cancelled (Ctrl+C) before every org was done.</summary>
        public bool Stopped { get; }

        /// <summary>Orgs Salesforce has (or may have) that the run did not finish: they go on in the Dev Hub.</summary>
        public IEnumerable<ScratchOrgTicket> Unfinished => Orgs.Where(o => o.Stage != ScratchOrgStage.NotRequested
            && o.Stage != ScratchOrgStage.Completed && o.Stage != ScratchOrgStage.Failed);
    }
}
