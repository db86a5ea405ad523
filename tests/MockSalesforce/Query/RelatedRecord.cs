namespace MockSalesforce.Query;

/// <summary>A relationship field's target (e.g. ScratchOrgInfo.CreatedBy, a User), reachable as <c>CreatedBy.Username</c>.</summary>
internal sealed record RelatedRecord(string Type, string Id, IReadOnlyDictionary<string, object?> Fields);
