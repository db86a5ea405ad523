using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MockSalesforce.Model;

namespace MockSalesforce.Control;

/// <summary>
/// The /__mock control API so other processes (Pester, demos, the CLI interop test) can set up a scenario over HTTP.
/// Loopback-only test infrastructure: it is neither faulted nor recorded in the request log.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/__mock";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static bool IsControlPath(PathString path) => path.StartsWithSegments(Prefix);

    public static void Map(WebApplication app, MockSalesforceServer server)
    {
        app.MapPost(Prefix + "/setup", ctx => Run(ctx, async () =>
        {
            server.Apply(await ReadAsync<SetupDocument>(ctx));
            return Describe(server);
        }));
        app.MapPost(Prefix + "/apps", ctx => Run(ctx, async () => Describe(server.Add(await ReadAsync<AppSpec>(ctx)))));
        app.MapPost(Prefix + "/orgs", ctx => Run(ctx, async () => Describe(server.Add(await ReadAsync<OrgSpec>(ctx)))));
        app.MapPost(Prefix + "/users", ctx => Run(ctx, async () => Describe(server.Add(await ReadAsync<UserSpec>(ctx)))));
        app.MapMethods(Prefix + "/users/{username}", new[] { "PATCH", "POST" }, ctx => Run(ctx, async () =>
            Describe(server.Patch((string)ctx.Request.RouteValues["username"]!, await ReadAsync<UserPatch>(ctx)))));
        app.MapPost(Prefix + "/faults", ctx => Run(ctx, async () =>
        {
            var fault = server.Faults.Enqueue((await ReadAsync<FaultSpec>(ctx)).ToFault());
            return new { kind = fault.Kind, path = fault.Path, remaining = fault.Remaining, forever = fault.Forever };
        }));
        app.MapDelete(Prefix + "/faults", ctx => Run(ctx, () => { server.Faults.Clear(); return Done; }));
        app.MapGet(Prefix + "/requests", ctx => Run(ctx, () => server.Requests));
        app.MapDelete(Prefix + "/requests", ctx => Run(ctx, () => { server.ClearRequests(); return Done; }));
        app.MapPost(Prefix + "/revoke", ctx => Run(ctx, async () =>
        {
            var body = await ReadAsync<RevokeRequest>(ctx, allowEmpty: true);
            int revoked = body.Username is null
                ? server.Sessions.RevokeAll()
                : server.Sessions.Revoke(server.Directory.FindUser(body.Username) ?? throw new ArgumentException($"No user named {body.Username}."));
            return new { revoked };
        }));
        app.MapPost(Prefix + "/clock", ctx => Run(ctx, async () =>
        {
            var body = await ReadAsync<ClockRequest>(ctx);
            server.Clock.Advance(TimeSpan.FromSeconds(body.AdvanceSeconds));
            return new { now = server.Clock.UtcNow, offsetSeconds = server.Clock.Offset.TotalSeconds };
        }));
        app.MapPost(Prefix + "/options", ctx => Run(ctx, async () =>
        {
            (await ReadAsync<OptionsSpec>(ctx)).ApplyTo(server.Options);
            return DescribeOptions(server.Options);
        }));
        app.MapMethods(Prefix + "/orgs/{nameOrId}", new[] { "PATCH" }, ctx => Run(ctx, async () =>
            Describe(server.Patch(server.FindOrgByNameOrId((string)ctx.Request.RouteValues["nameOrId"]!), await ReadAsync<OrgPatch>(ctx)))));
        ScratchControlEndpoints.Map(app, server);
        app.MapGet(Prefix + "/state", ctx => Run(ctx, () => Describe(server)));
        app.MapPost(Prefix + "/reset", ctx => Run(ctx, () => { server.Reset(); return Done; }));
        app.MapPost(Prefix + "/shutdown", ctx => Run(ctx, () => { server.RequestShutdown(); return Done; }));
    }

    internal static readonly object Done = new { ok = true };

    internal static Task Run(HttpContext context, Func<object> action) => Run(context, () => Task.FromResult(action()));

    internal static async Task Run(HttpContext context, Func<Task<object>> action)
    {
        int status = 200;
        object body;
        try
        {
            body = await action();
        }
        catch (Exception e) when (e is ArgumentException or JsonException or IOException or CryptographicException)
        {
            status = 400;
            body = new { error = e.GetType().Name, message = e.Message };
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }

    internal static async Task<T> ReadAsync<T>(HttpContext context, bool allowEmpty = false) where T : new()
    {
        using var reader = new StreamReader(context.Request.Body);
        string text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
            return allowEmpty ? new T() : throw new ArgumentException($"Expected a JSON {typeof(T).Name} body.");
        return JsonSerializer.Deserialize<T>(text, Json) ?? throw new ArgumentException($"Expected a JSON {typeof(T).Name} body.");
    }

    private static object Describe(ConnectedApp app) => new { consumerKey = app.ConsumerKey, scope = app.Scope };

    private static object Describe(MockOrg org) => new
    {
        id = org.Id,
        kind = org.Kind,
        name = org.Name,
        myDomainName = org.MyDomainName,
        instanceUrl = org.InstanceUrl,
        audience = org.LoginAudience,
        siteUrls = org.SiteUrls,
        devHubId = org.DevHub?.Id,
        activeScratchOrgs = org.ActiveScratchOrgLimit,
        dailyScratchOrgs = org.DailyScratchOrgLimit,
    };

    private static object Describe(MockUser user) => new
    {
        id = user.Id,
        username = user.Username,
        orgId = user.Org.Id,
        active = user.Active,
        replicatesAt = user.ReplicatesAt == DateTimeOffset.MinValue ? (DateTimeOffset?)null : user.ReplicatesAt,
    };

    private static object Describe(MockSalesforceServer server) => new
    {
        baseUrl = server.BaseUrl,
        apps = server.Directory.Apps.Select(Describe),
        orgs = server.Directory.Orgs.Select(Describe),
        users = server.Directory.Users.Select(Describe),
        pendingFaults = server.Faults.Pending.Select(f => f.ToString()),
        options = DescribeOptions(server.Options),
        scratchOrgs = server.ScratchOrgs.All.Select(ScratchControlEndpoints.Describe),
        pendingScratchOrgPlans = server.ScratchOrgs.PendingPlans.Select(p => p.ToString()),
        deploys = server.Deploys.All.Select(ScratchControlEndpoints.Describe),
        pendingDeployFailures = server.Deploys.PendingFailures.Select(f => f.ToString()),
    };

    private static object DescribeOptions(MockOptions options) => new
    {
        latencyMs = options.LatencyMs,
        replicationDelaySeconds = options.ReplicationDelay.TotalSeconds,
        scratchOrgProvisioningSeconds = options.ScratchOrgProvisioningTime.TotalSeconds,
        deploySeconds = options.DeployDuration.TotalSeconds,
        activeScratchOrgs = options.ActiveScratchOrgLimit,
        dailyScratchOrgs = options.DailyScratchOrgLimit,
        requireConnectedAppFields = options.RequireConnectedAppFields,
        scratchOrgUrlTemplate = options.ScratchOrgUrlTemplate,
    };

    private sealed class RevokeRequest
    {
        public string? Username { get; set; }
    }

    private sealed class ClockRequest
    {
        public double AdvanceSeconds { get; set; }
    }
}
