namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>How many orgs of a run have reached each stage, for one progress bar over the whole run.</summary>
    public sealed class ScratchOrgProgress
    {
        internal ScratchOrgProgress(int total, int requested, int creating, int active, int connected, int failed, int percentComplete)
        {
            PercentComplete = percentComplete;
            Total = total;
            Requested = requested;
            Creating = creating;
            Active = active;
            Connected = connected;
            Failed = failed;
        }

        public int Total { get; }

        /// <summary>Orgs Salesforce has a record for (every later stage included).</summary>
        public int Requested { get; }

        /// <summary>Orgs seen New or Creating, or further.</summary>
        public int Creating { get; }

        /// <summary>Orgs that are Active, or further.</summary>
        public int Active { get; }

        /// <summary>Orgs logged in to and stored.</summary>
        public int Connected { get; }

        public int Failed { get; }

        /// <summary>0 to 100: each org counts a quarter for each of requested, creating, active and connected; a failed one counts whole.</summary>
        public int PercentComplete { get; }

        public override string ToString() =>
            $"{Requested} requested, {Creating} creating, {Active} active, {Connected} connected" + (Failed == 0 ? string.Empty : $", {Failed} failed") + $" of {Total}";
    }
}
