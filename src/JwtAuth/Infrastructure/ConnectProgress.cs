using System;
using System.Management.Automation;
using JwtAuth.Core.Login;

namespace JwtAuth.Infrastructure
{
    /// <summary>
    /// The progress bars of a connect: for many orgs, how many are done; for one org, how long it has waited for a new
    /// scratch org's user to replicate, of the bound (-RetryTimeoutSec). Call only on the pipeline thread.
    /// </summary>
    internal sealed class ConnectProgress
    {
        private const int BulkActivityId = 4711;
        private const int ReplicationActivityId = 4712;
        private readonly Cmdlet _cmdlet;
        private readonly int _total;
        private int _done;
        private string? _waitingFor;

        public ConnectProgress(Cmdlet cmdlet, int total)
        {
            _cmdlet = cmdlet;
            _total = total;
        }

        /// <summary>A step of a login: each replication wait of a single org updates the bar; the token (or the failure) clears it.</summary>
        public void Login(LoginProgress step)
        {
            if (_total != 1) return;
            if (step.Stage == LoginStage.WaitingForReplication && step.Waited is { } waited && step.Bound is { } bound)
            {
                _waitingFor = step.Username;
                var next = step.Wait.HasValue ? $"; next try in {step.Wait.Value.TotalSeconds:0} s" : string.Empty;
                _cmdlet.WriteProgress(new ProgressRecord(ReplicationActivityId, ReplicationActivity(step.Username),
                    $"Salesforce does not accept the new scratch org user yet: waited {waited.TotalSeconds:0} of {bound.TotalSeconds:0} s{next}.")
                {
                    PercentComplete = bound > TimeSpan.Zero ? (int)Math.Min(100, waited.Ticks * 100 / bound.Ticks) : 0,
                });
            }
            else if (_waitingFor != null && (step.Stage == LoginStage.FetchingDetails || step.Stage == LoginStage.Succeeded || step.Stage == LoginStage.Failed))
            {
                EndReplicationWait();
            }
        }

        public void Completed(string username)
        {
            _done++;
            if (_total < 2) return;
            _cmdlet.WriteProgress(new ProgressRecord(BulkActivityId, "Connecting Salesforce orgs", $"{_done} of {_total} done; last: {username}")
            {
                PercentComplete = (int)(_done * 100L / _total),
            });
        }

        public void Finish()
        {
            EndReplicationWait();
            if (_total < 2) return;
            _cmdlet.WriteProgress(new ProgressRecord(BulkActivityId, "Connecting Salesforce orgs", "Done") { RecordType = ProgressRecordType.Completed });
        }

        private void EndReplicationWait()
        {
            if (_waitingFor is null) return;
            _cmdlet.WriteProgress(new ProgressRecord(ReplicationActivityId, ReplicationActivity(_waitingFor), "Done") { RecordType = ProgressRecordType.Completed });
            _waitingFor = null;
        }

        private static string ReplicationActivity(string username) => $"Waiting for '{username}' to replicate";
    }
}
