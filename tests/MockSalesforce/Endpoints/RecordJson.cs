using MockSalesforce.Query;

namespace MockSalesforce.Endpoints;

/// <summary>Records as the REST API writes them: "attributes" first, relationship fields as nested records.</summary>
internal static class RecordJson
{
    /// <summary>The selected (canonical) paths of a record; "CreatedBy.Username" becomes {"CreatedBy":{"attributes":..,"Username":..}}.</summary>
    public static Dictionary<string, object?> Select(SObjectTable table, IReadOnlyDictionary<string, object?> record,
        IEnumerable<string> paths, string version)
    {
        var result = new Dictionary<string, object?> { ["attributes"] = Attributes(table.Name, (string)record["Id"]!, version) };
        foreach (var path in paths)
        {
            int dot = path.IndexOf('.');
            if (dot < 0)
            {
                result[path] = SObjectTable.Resolve(record, path);
                continue;
            }
            string relationship = path[..dot];
            if (SObjectTable.Resolve(record, relationship) is not RelatedRecord related)
            {
                result[relationship] = null;
                continue;
            }
            if (result.GetValueOrDefault(relationship) is not Dictionary<string, object?> nested)
            {
                nested = new Dictionary<string, object?> { ["attributes"] = Attributes(related.Type, related.Id, version) };
                result[relationship] = nested;
            }
            string field = path[(dot + 1)..];
            nested[field] = related.Fields[field];
        }
        return result;
    }

    /// <summary>Every field of a record (no relationships), as GET sobjects/{type}/{id} answers without ?fields=.</summary>
    public static Dictionary<string, object?> All(SObjectTable table, IReadOnlyDictionary<string, object?> record, string version) =>
        Select(table, record, record.Where(pair => pair.Value is not RelatedRecord).Select(pair => pair.Key), version);

    private static object Attributes(string type, string id, string version) =>
        new { type, url = $"/services/data/{version}/sobjects/{type}/{id}" };
}
