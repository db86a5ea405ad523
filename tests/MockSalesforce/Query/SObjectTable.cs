namespace MockSalesforce.Query;

/// <summary>The records of one sObject a session can see, and the fields (and relationship fields) it has.</summary>
internal sealed class SObjectTable
{
    public SObjectTable(string name, IReadOnlyList<string> fields, IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? relationships = null)
    {
        Name = name;
        Fields = fields;
        Records = records;
        Relationships = relationships ?? new Dictionary<string, IReadOnlyList<string>>();
    }

    /// <summary>Salesforce's spelling of the sObject name.</summary>
    public string Name { get; }

    /// <summary>Every field name, in Salesforce's casing; an empty list means "not checked" (SandboxProcess).</summary>
    public IReadOnlyList<string> Fields { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Records { get; }

    /// <summary>Relationship name (e.g. CreatedBy) to the fields of the related record.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Relationships { get; }

    /// <summary>The path in Salesforce's casing ("createdby.username" becomes "CreatedBy.Username"), or null when unknown.</summary>
    public string? Canonical(string path)
    {
        if (Fields.Count == 0) return path;
        string[] parts = path.Split('.');
        if (parts.Length == 1) return Fields.FirstOrDefault(f => f.Equals(path, StringComparison.OrdinalIgnoreCase));
        if (parts.Length != 2) return null;
        var relationship = Relationships.Keys.FirstOrDefault(r => r.Equals(parts[0], StringComparison.OrdinalIgnoreCase));
        var field = relationship is null ? null : Relationships[relationship].FirstOrDefault(f => f.Equals(parts[1], StringComparison.OrdinalIgnoreCase));
        return field is null ? null : relationship + "." + field;
    }

    /// <summary>A canonical path's value in a record (null when a relationship is empty).</summary>
    public static object? Resolve(IReadOnlyDictionary<string, object?> record, string path)
    {
        int dot = path.IndexOf('.');
        if (dot < 0) return Lookup(record, path);
        return Lookup(record, path[..dot]) is RelatedRecord related ? Lookup(related.Fields, path[(dot + 1)..]) : null;
    }

    private static object? Lookup(IReadOnlyDictionary<string, object?> record, string name)
    {
        if (record.TryGetValue(name, out var value)) return value;
        var key = record.Keys.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
        return key is null ? null : record[key];
    }
}
