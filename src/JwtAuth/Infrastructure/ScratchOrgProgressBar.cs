using System.Management.Automation;
using JwtAuth.Core.ScratchOrgs;

namespace JwtAuth.Infrastructure
{
    /// <summary>One progress bar for a whole New-SfScratchOrg run (requested, creating, active, connected). Pipeline thread only.</summary>
    internal sealed class ScratchOrgProgressBar
    {
        private const int ActivityId = 4712;
        private readonly Cmdlet _cmdlet;
        private readonly string _activity;
        private string? _last;

        public ScratchOrgProgressBar(Cmdlet cmdlet, int count, string hub)
        {
            _cmdlet = cmdlet;
            _activity = count == 1 ? $"Creating a scratch org in {hub}" : $"Creating {count} scratch orgs in {hub}";
        }

        public void Update(ScratchOrgProgress progress)
        {
            var status = progress.ToString();
            if (status == _last) return;
            _last = status;
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId, _activity, status) { PercentComplete = progress.PercentComplete });
        }

        public void Finish() =>
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
    }
}
