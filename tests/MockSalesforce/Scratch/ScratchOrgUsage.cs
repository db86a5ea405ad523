namespace MockSalesforce.Scratch;

/// <summary>A Dev Hub's scratch org limits at one moment, as GET /limits reports them.</summary>
public sealed record ScratchOrgUsage(int ActiveMax, int Active, int DailyMax, int Daily)
{
    /// <summary>ActiveScratchOrgs.Remaining.</summary>
    public int ActiveRemaining => Math.Max(0, ActiveMax - Active);

    /// <summary>DailyScratchOrgs.Remaining.</summary>
    public int DailyRemaining => Math.Max(0, DailyMax - Daily);
}
