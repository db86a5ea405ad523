namespace MockSalesforce.Endpoints;

/// <summary>Anything the mock does not serve: Salesforce's 404 JSON, and the path on stderr so interop tests show what is missing.</summary>
internal static class FallbackEndpoint
{
    public static Task HandleAsync(HttpContext context, MockState state)
    {
        if (state.Options.LogUnknownPathsToConsole)
        {
            // The path only: query strings and headers may carry secrets.
            Console.Error.WriteLine($"MockSalesforce: no handler for {context.Request.Method} {context.Request.Path}");
        }
        return SalesforceJson.NotFoundAsync(context);
    }
}
