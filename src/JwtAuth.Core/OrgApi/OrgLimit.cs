namespace JwtAuth.Core.OrgApi
{
    /// <summary>One entry of <c>GET .../limits</c>, e.g. <c>"DailyScratchOrgs":{"Max":6,"Remaining":5}</c>.</summary>
    public sealed class OrgLimit
    {
        internal OrgLimit(string name, long max, long remaining)
        {
            Name = name;
            Max = max;
            Remaining = remaining;
        }

        public string Name { get; }
        public long Max { get; }
        public long Remaining { get; }

        public override string ToString() => $"{Name}: {Remaining} of {Max} remaining";
    }
}
