using MockSalesforce.Query;

namespace MockSalesforce.Endpoints;

/// <summary>GET /services/data/vNN.0/query?q=... (and the tooling variant): the SOQL <see cref="SoqlQuery"/> reads.</summary>
internal static class QueryEndpoint
{
    public static async Task HandleAsync(HttpContext context, MockState state, string version)
    {
        var session = await RestRequest.AuthorizeAsync(context, state, version);
        if (session is null) return;
        string? soql = context.Request.Query["q"];
        var query = SoqlQuery.TryParse(soql);
        if (query is null)
        {
            await SalesforceJson.WriteErrorAsync(context, 400, "MALFORMED_QUERY", $"unexpected token: '{soql}'");
            return;
        }
        var table = SObjectRecords.For(query.SObject, session, state);
        if (table is null)
        {
            await SalesforceJson.WriteErrorAsync(context, 400, "INVALID_TYPE", $"sObject type '{query.SObject}' is not supported.");
            return;
        }
        var fields = new List<string>();
        foreach (var path in query.Fields.Concat(query.Conditions.Select(c => c.Field)))
        {
            string? canonical = table.Canonical(path);
            if (canonical is null)
            {
                await SalesforceJson.WriteErrorAsync(context, 400, "INVALID_FIELD", $"No such column '{path}' on entity '{table.Name}'.");
                return;
            }
            fields.Add(canonical);
        }
        var selected = fields.Take(query.Fields.Count).ToArray();
        var conditions = query.Conditions.Select((c, i) => (Condition: c, Field: fields[query.Fields.Count + i])).ToArray();
        var records = table.Records
            .Where(r => conditions.All(c => c.Condition.Matches(SObjectTable.Resolve(r, c.Field))))
            .Skip(query.Offset)
            .Take(query.Limit ?? int.MaxValue)
            .Select(r => RecordJson.Select(table, r, selected, version))
            .ToArray();
        await SalesforceJson.WriteAsync(context, 200, new { totalSize = records.Length, done = true, records });
    }
}
