using System.Management.Automation;

namespace JwtAuth.Infrastructure
{
    /// <summary>One progress bar for a bulk connect; silent for a single org. Call only on the pipeline thread.</summary>
    internal sealed class BulkProgress
    {
        private const int ActivityId = 4711;
        private readonly Cmdlet _cmdlet;
        private readonly int _total;
        private int _done;

        public BulkProgress(Cmdlet cmdlet, int total)
        {
            _cmdlet = cmdlet;
            _total = total;
        }

        public void Completed(string username)
        {
            _done++;
            if (_total < 2) return;
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId, "Connecting Salesforce orgs", $"{_done} of {_total} done; last: {username}")
            {
                PercentComplete = (int)(_done * 100L / _total),
            });
        }

        public void Finish()
        {
            if (_total < 2) return;
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId, "Connecting Salesforce orgs", "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
