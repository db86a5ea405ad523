using MockSalesforce.Query;

namespace MockSalesforce.Endpoints;

/// <summary>GET /services/data/vNN.0/query?q=... (and the tooling variant) for the queries the CLI sends after login.</summary>
internal static class QueryEndpoint
{
    public static async Task HandleAsync(HttpContext context, MockState state, string version)
    {
        var session = BearerSession.Find(context, state.Sessions);
        if (session is null)
        {
            await SalesforceJson.InvalidSessionAsync(context);
            return;
        }
        if (!ApiVersions.TryParse(version, state.Options.LatestApiVersion, out _))
        {
            await SalesforceJson.NotFoundAsync(context);
            return;
        }
        string? soql = context.Request.Query["q"];
        var query = SoqlQuery.TryParse(soql);
        if (query is null)
        {
            await SalesforceJson.WriteErrorAsync(context, 400, "MALFORMED_QUERY", $"unexpected token: '{soql}'");
            return;
        }
        var records = SObjectRecords.For(query.SObject, session, state.Directory);
        if (records is null)
        {
            await SalesforceJson.WriteErrorAsync(context, 400, "INVALID_TYPE", $"sObject type '{query.SObject}' is not supported.");
            return;
        }
        var unknownField = query.Fields.FirstOrDefault(f => records.Count > 0 && !records[0].Keys.Any(k => k.Equals(f, StringComparison.OrdinalIgnoreCase)));
        if (unknownField is not null && records.Count > 0)
        {
            await SalesforceJson.WriteErrorAsync(context, 400, "INVALID_FIELD", $"No such column '{unknownField}' on entity '{query.SObject}'.");
            return;
        }
        var selected = records
            .Where(r => Matches(r, query))
            .Take(query.Limit ?? int.MaxValue)
            .Select(r => Project(r, query, version))
            .ToArray();
        await SalesforceJson.WriteAsync(context, 200, new { totalSize = selected.Length, done = true, records = selected });
    }

    private static bool Matches(IReadOnlyDictionary<string, object?> record, SoqlQuery query)
    {
        // Like SOQL, string comparison is case-insensitive (the CLI re-checks 15-character ids itself).
        return query.EqualsFilters.All(filter =>
        {
            var key = record.Keys.FirstOrDefault(k => k.Equals(filter.Field, StringComparison.OrdinalIgnoreCase));
            return key is not null && string.Equals(record[key]?.ToString(), filter.Value, StringComparison.OrdinalIgnoreCase);
        });
    }

    private static Dictionary<string, object?> Project(IReadOnlyDictionary<string, object?> record, SoqlQuery query, string version)
    {
        string type = SObjectRecords.CanonicalName(query.SObject);
        var result = new Dictionary<string, object?>
        {
            ["attributes"] = new { type, url = $"/services/data/{version}/sobjects/{type}/{record["Id"]}" },
        };
        foreach (var field in query.Fields)
        {
            var key = record.Keys.First(k => k.Equals(field, StringComparison.OrdinalIgnoreCase));
            result[key] = record[key];
        }
        return result;
    }
}
