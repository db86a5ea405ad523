using MockSalesforce.Model;
using MockSalesforce.Query;
using MockSalesforce.Scratch;

namespace MockSalesforce.Endpoints;

/// <summary>
/// /services/data/vNN.0/sobjects: GET {type}/{id} (with ?fields= honoured) for the sObjects the mock knows, POST
/// ScratchOrgInfo (insert) and DELETE ActiveScratchOrg/{id} on a Dev Hub.
/// </summary>
internal static class SObjectEndpoints
{
    public static async Task GetAsync(HttpContext context, MockState state, string version, string type, string id)
    {
        var session = await RestRequest.AuthorizeAsync(context, state, version);
        if (session is null) return;
        var table = SObjectRecords.For(type, session, state);
        var record = table is null ? null : FindById(table, id);
        if (record is null)
        {
            await SalesforceJson.NotFoundAsync(context);
            return;
        }
        string? fields = context.Request.Query["fields"];
        if (string.IsNullOrWhiteSpace(fields))
        {
            await SalesforceJson.WriteAsync(context, 200, RecordJson.All(table!, record, version));
            return;
        }
        var selected = new List<string>();
        foreach (var field in fields.Split(',').Select(f => f.Trim()).Where(f => f.Length > 0))
        {
            string? canonical = table!.Canonical(field);
            if (canonical is null)
            {
                await SalesforceJson.WriteErrorAsync(context, 400, "INVALID_FIELD", $"No such column '{field}' on entity '{table.Name}'.");
                return;
            }
            selected.Add(canonical);
        }
        await SalesforceJson.WriteAsync(context, 200, RecordJson.Select(table!, record, selected, version));
    }

    public static async Task InsertAsync(HttpContext context, MockState state, string version, string type)
    {
        var session = await RestRequest.AuthorizeAsync(context, state, version);
        if (session is null) return;
        // ScratchOrgInfo exists only on a Dev Hub; elsewhere the sObject URL is unknown. Other inserts are not mocked.
        if (!type.Equals("ScratchOrgInfo", StringComparison.OrdinalIgnoreCase) || session.User.Org.Kind != OrgKind.DevHub)
        {
            await SalesforceJson.NotFoundAsync(context);
            return;
        }
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        var (request, invalid) = ScratchOrgRequest.Parse(body, state.Options);
        var (signup, refused) = invalid is null ? ScratchOrgProvisioner.Insert(state, session.User, request!) : (null, invalid);
        if (signup is null)
        {
            await SalesforceJson.WriteErrorAsync(context, 400, refused!);
            return;
        }
        await SalesforceJson.WriteAsync(context, 201, new { id = signup.Id, success = true, errors = Array.Empty<object>() });
    }

    public static async Task DeleteAsync(HttpContext context, MockState state, string version, string type, string id)
    {
        var session = await RestRequest.AuthorizeAsync(context, state, version);
        if (session is null) return;
        var hub = session.User.Org;
        if (!type.Equals("ActiveScratchOrg", StringComparison.OrdinalIgnoreCase) || hub.Kind != OrgKind.DevHub)
        {
            await (SObjectRecords.For(type, session, state) is null
                ? SalesforceJson.NotFoundAsync(context)
                : SalesforceJson.WriteErrorAsync(context, 405, "METHOD_NOT_ALLOWED", $"HTTP Method 'DELETE' not allowed. Allowed are GET,HEAD"));
            return;
        }
        var now = state.Clock.UtcNow;
        var signup = state.ScratchOrgs.OfHub(hub).FirstOrDefault(s => SalesforceId.Names(s.ActiveScratchOrgId, id));
        if (signup is null || !signup.TryDelete(now, session.User))
        {
            await (signup?.StatusAt(now) == ScratchOrgStatus.Deleted
                ? SalesforceJson.WriteErrorAsync(context, 404, "ENTITY_IS_DELETED", "entity is deleted")
                : SalesforceJson.NotFoundAsync(context));
            return;
        }
        state.Sessions.Revoke(signup.Org!);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static IReadOnlyDictionary<string, object?>? FindById(SObjectTable table, string id) =>
        table.Records.FirstOrDefault(r => r["Id"] is string recordId && SalesforceId.Names(recordId, id));
}
