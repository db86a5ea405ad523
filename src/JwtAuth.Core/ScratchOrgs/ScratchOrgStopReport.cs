using System.Collections.Generic;
using System.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// What a stopped run (Ctrl+C) says about the orgs it did not write: every org Salesforce has or may have is named, with its
    /// ScratchOrgInfo id where known and how to find it again, so none is lost.
    /// </summary>
    public static class ScratchOrgStopReport
    {
        /// <param name="written">The indexes of the orgs the cmdlet already wrote (object or error).</param>
        /// <param name="hub">The Dev Hub's alias or username, for the commands in the messages.</param>
        public static IReadOnlyList<string> Messages(ScratchOrgRun run, ICollection<int> written, string hub)
        {
            var messages = new List<string>();
            var find = $"Get-SfScratchOrg -DevHub '{hub}' -All";
            foreach (var org in run.Orgs.Where(o => !written.Contains(o.Index)))
            {
                switch (org.Stage)
                {
                    case ScratchOrgStage.Requesting:
                        messages.Add($"A scratch org request (number {org.Index + 1}{Alias(org)}) was being sent when the run stopped; if Salesforce received it, {find} lists the org.");
                        break;
                    case ScratchOrgStage.Requested:
                    case ScratchOrgStage.Creating:
                    case ScratchOrgStage.Active:
                        messages.Add($"Stopped while scratch org {org.Describe()} was {org.LastStatus}: Salesforce goes on with it. {find} finds it " +
                            $"(ScratchOrgInfo {org.ScratchOrgInfoId}); once it is Active, pipe it to Connect-SfOrgJwt, or delete it with Remove-SfScratchOrg.");
                        break;
                    case ScratchOrgStage.Connected:
                        messages.Add($"Scratch org {org.Describe()} was stored before the run stopped, but its settings were not deployed.");
                        break;
                    case ScratchOrgStage.Completed:
                        messages.Add($"Scratch org {org.Describe()} was created and stored before the run stopped.");
                        break;
                    case ScratchOrgStage.Failed:
                        messages.Add($"Scratch org {org.Describe()} failed before the run stopped: {org.Problem}");
                        break;
                }
            }

            var notSent = run.Orgs.Count(o => o.Stage == ScratchOrgStage.NotRequested);
            if (notSent > 0) messages.Add($"{notSent} of the {run.Orgs.Count} scratch orgs were not requested.");
            return messages;
        }

        private static string Alias(ScratchOrgTicket org) => org.Alias is null ? string.Empty : $", alias {org.Alias}";
    }
}
