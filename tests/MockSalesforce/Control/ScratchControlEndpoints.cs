using MockSalesforce.Metadata;
using MockSalesforce.Scratch;

namespace MockSalesforce.Control;

/// <summary>The control API for scratch org signups and metadata deploys (same conventions as <see cref="ControlEndpoints"/>).</summary>
internal static class ScratchControlEndpoints
{
    private const string Prefix = ControlEndpoints.Prefix;

    public static void Map(WebApplication app, MockSalesforceServer server)
    {
        app.MapPost(Prefix + "/scratch-org-plans", ctx => ControlEndpoints.Run(ctx, async () =>
            (object)server.ScratchOrgs.Plan((await ControlEndpoints.ReadAsync<ScratchOrgPlanSpec>(ctx)).ToPlan()).ToString()));
        app.MapDelete(Prefix + "/scratch-org-plans", ctx => ControlEndpoints.Run(ctx, () => { server.ScratchOrgs.ClearPlans(); return ControlEndpoints.Done; }));
        app.MapGet(Prefix + "/scratch-orgs", ctx => ControlEndpoints.Run(ctx, () => server.ScratchOrgs.All.Select(Describe).ToArray()));
        app.MapMethods(Prefix + "/scratch-orgs/{id}", new[] { "PATCH" }, ctx => ControlEndpoints.Run(ctx, async () =>
            Describe(server.Patch((string)ctx.Request.RouteValues["id"]!, await ControlEndpoints.ReadAsync<ScratchOrgPatch>(ctx)))));
        app.MapPost(Prefix + "/deploy-failures", ctx => ControlEndpoints.Run(ctx, async () =>
            (object)server.Deploys.Fail((await ControlEndpoints.ReadAsync<DeployFailureSpec>(ctx)).ToFailure()).ToString()));
        app.MapDelete(Prefix + "/deploy-failures", ctx => ControlEndpoints.Run(ctx, () => { server.Deploys.ClearFailures(); return ControlEndpoints.Done; }));
        app.MapGet(Prefix + "/deploys", ctx => ControlEndpoints.Run(ctx, () => server.Deploys.All.Select(Describe).ToArray()));
        app.MapGet(Prefix + "/deploys/{id}/zip", async ctx =>
        {
            var deploy = server.Deploys.Find((string)ctx.Request.RouteValues["id"]!);
            if (deploy is null)
            {
                await ControlEndpoints.Run(ctx, () => throw new ArgumentException("No deployRequest with that id."));
                return;
            }
            ctx.Response.ContentType = "application/zip";
            await ctx.Response.Body.WriteAsync(deploy.Zip, ctx.RequestAborted);
        });
    }

    public static object Describe(ScratchOrgSignup signup) => new
    {
        id = signup.Id,
        activeScratchOrgId = signup.ActiveScratchOrgId,
        hubId = signup.Hub.Id,
        status = signup.Status,
        errorCode = signup.ErrorCode,
        signupUsername = signup.SignupUsername,
        orgId = signup.Org?.Id,
        loginUrl = signup.Org?.InstanceUrl,
        connectedAppConsumerKey = signup.ConnectedAppConsumerKey,
        createdBy = signup.CreatedBy?.Username,
        createdAt = signup.CreatedAt,
        readyAt = signup.ReadyAt,
        adminReplicatesAt = signup.Admin?.ReplicatesAt,
        expiresAt = signup.ExpiresAt,
        deletedAt = signup.DeletedAt,
    };

    public static object Describe(DeployRecord deploy) => new
    {
        id = deploy.Id,
        orgId = deploy.Org.Id,
        createdBy = deploy.CreatedBy.Username,
        status = deploy.Status,
        finalStatus = deploy.FinalStatus,
        createdAt = deploy.CreatedAt,
        completesAt = deploy.CompletesAt,
        zipFileName = deploy.ZipFileName,
        zipBytes = deploy.Zip.Length,
        entryNames = deploy.EntryNames,
        componentFailures = deploy.ComponentFailures.Select(f => new { fileName = f.FileName, problem = f.Problem }),
        deployOptions = deploy.Options.ToJson(),
    };
}
