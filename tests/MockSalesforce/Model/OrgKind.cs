namespace MockSalesforce.Model;

/// <summary>The kinds of org the mock knows; the kind decides the JWT audience and the query answers.</summary>
public enum OrgKind
{
    /// <summary>A production or Developer Edition org: audience https://login.salesforce.com.</summary>
    Production,

    /// <summary>A production org with Dev Hub enabled: answers ScratchOrgInfo queries.</summary>
    DevHub,

    /// <summary>A sandbox: audience https://test.salesforce.com, IsSandbox and no trial date.</summary>
    Sandbox,

    /// <summary>A scratch org: audience https://test.salesforce.com, IsSandbox with a trial date.</summary>
    Scratch,
}
