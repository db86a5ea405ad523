using System.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// One org of a New-SfScratchOrg run, from before it is requested until it is written: what is known about it so far,
    /// so that a run that stops (Ctrl+C) or times out can still name every org it requested.
    /// </summary>
    public sealed class ScratchOrgTicket
    {
        private readonly object _gate = new object();
        private string? _scratchOrgInfoId;
        private string _lastStatus = "not requested";
        private string? _username;
        private ScratchOrgStage _stage = ScratchOrgStage.NotRequested;
        private ScratchOrgView? _stored;
        private string? _problem;

        internal ScratchOrgTicket(int index, string? alias)
        {
            Index = index;
            Alias = alias;
        }

        /// <summary>The org's place in the request order (0-based).</summary>
        public int Index { get; }

        /// <summary>The alias it gets (-Alias or -AliasPrefix), or null.</summary>
        public string? Alias { get; }

        /// <summary>Its ScratchOrgInfo record (<c>2SR...</c>) once Salesforce has it.</summary>
        public string? ScratchOrgInfoId { get { lock (_gate) return _scratchOrgInfoId; } }

        /// <summary>The record's last status seen (New, Creating, Active, Error, Deleted), or what happened before.</summary>
        public string LastStatus { get { lock (_gate) return _lastStatus; } }

        /// <summary>The signup username once the record is Active.</summary>
        public string? Username { get { lock (_gate) return _username; } }

        public ScratchOrgStage Stage { get { lock (_gate) return _stage; } }

        /// <summary>The org as stored, once it is connected.</summary>
        public ScratchOrgView? Stored { get { lock (_gate) return _stored; } }

        /// <summary>What went wrong, for an org that failed.</summary>
        public string? Problem { get { lock (_gate) return _problem; } }

        /// <summary>e.g. <c>2SR... (feature3, test-x@example.com)</c>.</summary>
        public string Describe()
        {
            lock (_gate)
            {
                var named = string.Join(", ", new[] { Alias, _username }.Where(n => !string.IsNullOrEmpty(n)));
                var id = _scratchOrgInfoId ?? $"number {Index + 1}";
                return named.Length == 0 ? id : $"{id} ({named})";
            }
        }

        public override string ToString() => Describe();

        internal void Sending()
        {
            lock (_gate)
            {
                _stage = ScratchOrgStage.Requesting;
                _lastStatus = "being requested";
            }
        }

        internal void Requested(string id)
        {
            lock (_gate)
            {
                _scratchOrgInfoId = id;
                _stage = ScratchOrgStage.Requested;
                _lastStatus = "New";
            }
        }

        /// <summary>Records a status read; true the first time the org is seen New or Creating.</summary>
        internal bool Saw(ScratchOrgInfoRecord record)
        {
            lock (_gate)
            {
                _lastStatus = record.StatusText ?? _lastStatus;
                if (!string.IsNullOrEmpty(record.SignupUsername)) _username = record.SignupUsername;
                if (_stage != ScratchOrgStage.Requested || (record.Status != ScratchOrgStatus.New && record.Status != ScratchOrgStatus.Creating)) return false;
                _stage = ScratchOrgStage.Creating;
                return true;
            }
        }

        internal void Activated(ScratchOrgInfoRecord record)
        {
            lock (_gate)
            {
                _username = record.SignupUsername;
                _lastStatus = "Active";
                _stage = ScratchOrgStage.Active;
            }
        }

        internal void Connected(ScratchOrgView stored)
        {
            lock (_gate)
            {
                _stored = stored;
                _stage = ScratchOrgStage.Connected;
            }
        }

        internal void Ended(string? problem)
        {
            lock (_gate)
            {
                _problem = problem;
                _stage = problem is null ? ScratchOrgStage.Completed : ScratchOrgStage.Failed;
            }
        }

        internal void NotSent()
        {
            lock (_gate)
            {
                if (_stage == ScratchOrgStage.Requesting) _stage = ScratchOrgStage.NotRequested;
            }
        }
    }
}
