namespace MockSalesforce.Model;

/// <summary>The documented assertion audiences.</summary>
public static class Audiences
{
    /// <summary>Production, Developer Edition and Dev Hub orgs.</summary>
    public const string Production = "https://login.salesforce.com";

    /// <summary>Sandboxes and scratch orgs.</summary>
    public const string Sandbox = "https://test.salesforce.com";
}
