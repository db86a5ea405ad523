namespace MockSalesforce.Endpoints;

/// <summary>Maps the Salesforce-facing routes. Routes ignore the Host header: the mock is every host.</summary>
internal static class SalesforceRoutes
{
    public static void Map(WebApplication app, MockState state)
    {
        app.MapPost(TokenEndpoint.Path, context => TokenEndpoint.HandleAsync(context, state));
        // Experience Cloud sites serve the token endpoint under their path prefix.
        app.MapPost("/{site}" + TokenEndpoint.Path, context => TokenEndpoint.HandleAsync(context, state));
        app.MapGet("/services/data", context => DataEndpoints.VersionsAsync(context, state));
        app.MapGet("/services/data/{version}", context => DataEndpoints.ResourcesAsync(context, state, Route(context, "version")));
        app.MapGet("/services/data/{version}/query", context => QueryEndpoint.HandleAsync(context, state, Route(context, "version")));
        app.MapGet("/services/data/{version}/tooling/query", context => QueryEndpoint.HandleAsync(context, state, Route(context, "version")));
        app.MapGet("/services/data/{version}/limits", context => LimitsEndpoint.HandleAsync(context, state, Route(context, "version")));
        app.MapGet("/services/data/{version}/sobjects/{type}/{id}",
            context => SObjectEndpoints.GetAsync(context, state, Route(context, "version"), Route(context, "type"), Route(context, "id")));
        app.MapPost("/services/data/{version}/sobjects/{type}",
            context => SObjectEndpoints.InsertAsync(context, state, Route(context, "version"), Route(context, "type")));
        app.MapDelete("/services/data/{version}/sobjects/{type}/{id}",
            context => SObjectEndpoints.DeleteAsync(context, state, Route(context, "version"), Route(context, "type"), Route(context, "id")));
        app.MapPost("/services/data/{version}/metadata/deployRequest",
            context => DeployRequestEndpoints.PostAsync(context, state, Route(context, "version")));
        app.MapGet("/services/data/{version}/metadata/deployRequest/{id}",
            context => DeployRequestEndpoints.GetAsync(context, state, Route(context, "version"), Route(context, "id")));
        app.MapGet("/id/{orgId}/{userId}",
            context => IdentityEndpoints.IdentityAsync(context, state, Route(context, "orgId"), Route(context, "userId")));
        app.MapGet("/services/oauth2/userinfo", context => IdentityEndpoints.UserInfoAsync(context, state));
        app.MapPost("/services/oauth2/userinfo", context => IdentityEndpoints.UserInfoAsync(context, state));
        app.MapFallback(context => FallbackEndpoint.HandleAsync(context, state));
    }

    private static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;
}
