namespace MockSalesforce.Scratch;

/// <summary>The restricted values ScratchOrgInfo accepts (object reference, Salesforce DX Developer Guide).</summary>
public static class ScratchOrgPicklists
{
    /// <summary>Edition values; matched case-insensitively (the CLI sends "developer").</summary>
    public static readonly IReadOnlyList<string> Editions = new[]
    {
        "Developer", "Enterprise", "Group", "Professional",
        "Partner Developer", "Partner Enterprise", "Partner Group", "Partner Professional",
    };

    /// <summary>Release values.</summary>
    public static readonly IReadOnlyList<string> Releases = new[] { "Current", "Previous", "Preview" };

    /// <summary>
    /// The scratch org features the mock knows by default (a common subset of the DX Developer Guide's list);
    /// <see cref="MockOptions.ScratchOrgFeatures"/> starts as a copy and tests may add more.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultFeatures = new[]
    {
        "API", "AuthorApex", "B2BCommerce", "Communities", "ContactsToMultipleAccounts", "ContractApprovals",
        "CustomerDataPlatform", "DebugApex", "DefaultWorkflowUser", "DevelopmentWave", "EinsteinAnalyticsPlus",
        "EinsteinBuilderFree", "EnableSetPasswordInApi", "Entitlements", "EventLogFile", "ExternalSharing",
        "FieldService", "ForceComPlatform", "Interaction", "Knowledge", "LightningSalesConsole",
        "LightningServiceConsole", "LiveAgent", "MarketingUser", "MultiCurrency", "OrderManagement",
        "PersonAccounts", "PlatformCache", "PlatformEncryption", "SalesUser", "ServiceCloud", "ServiceUser",
        "Sites", "StateAndCountryPicklist", "StreamingAPI", "SurveyAdvancedFeatures", "TransactionSecurity",
    };

    /// <summary>The canonical spelling of a picklist value, or null when it is not one of them.</summary>
    public static string? Canonical(IEnumerable<string> values, string value) =>
        values.FirstOrDefault(v => v.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
}
