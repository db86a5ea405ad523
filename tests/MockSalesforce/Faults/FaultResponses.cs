using System.Text;

namespace MockSalesforce.Faults;

/// <summary>Writes the response of each terminal fault kind.</summary>
internal static class FaultResponses
{
    private const string Json = "application/json;charset=UTF-8";

    public static async Task WriteAsync(HttpContext context, Fault fault)
    {
        var response = context.Response;
        var aborted = context.RequestAborted;
        switch (fault.Kind)
        {
            case FaultKind.Status:
                response.StatusCode = fault.StatusCode ?? 503;
                response.ContentType = fault.ContentType ?? Json;
                await response.WriteAsync(fault.Body ?? DefaultErrorJson(context, response.StatusCode), aborted);
                break;
            case FaultKind.Html:
                response.StatusCode = fault.StatusCode ?? 502;
                response.ContentType = "text/html;charset=UTF-8";
                await response.WriteAsync(fault.Body ?? HtmlPage(response.StatusCode), aborted);
                break;
            case FaultKind.TooManyRequests:
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.ContentType = Json;
                await response.WriteAsync(fault.Body ?? "[{\"message\":\"Too many requests\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]", aborted);
                break;
            case FaultKind.DropConnection:
                await DropAsync(context, fault);
                break;
            case FaultKind.TruncatedJson:
                response.StatusCode = 200;
                response.ContentType = Json;
                await response.WriteAsync(fault.Body ?? "{\"access_token\":\"00D000000000001!AQ", aborted);
                break;
            case FaultKind.HugeBody:
                await HugeBodyAsync(context, fault.SizeBytes);
                break;
            case FaultKind.Redirect:
                response.StatusCode = fault.StatusCode ?? 302;
                response.Headers.Location = RedirectTarget(context, fault.Location ?? "http://127.0.0.2/");
                break;
            default:
                throw new InvalidOperationException($"{fault.Kind} is not a terminal fault.");
        }
    }

    private static string DefaultErrorJson(HttpContext context, int status) =>
        context.Request.Path.StartsWithSegments("/services/oauth2")
            ? $"{{\"error\":\"server_error\",\"error_description\":\"mock fault: HTTP {status}\"}}"
            : $"[{{\"message\":\"mock fault: HTTP {status}\",\"errorCode\":\"SERVER_UNAVAILABLE\"}}]";

    private static string HtmlPage(int status) =>
        $"<!DOCTYPE html><html><head><title>{status} Service Unavailable</title></head>" +
        "<body><h1>Maintenance</h1><p>This site is down for maintenance. Please check back later.</p></body></html>";

    private static async Task DropAsync(HttpContext context, Fault fault)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = Json;
        context.Response.ContentLength = 4096;
        byte[] partial = Encoding.UTF8.GetBytes(fault.Body ?? "{\"access_token\":\"00D");
        await context.Response.Body.WriteAsync(partial, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }

    private static async Task HugeBodyAsync(HttpContext context, long size)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = Json;
        response.ContentLength = Math.Max(size, 16);
        byte[] head = Encoding.ASCII.GetBytes("{\"padding\":\"");
        byte[] tail = Encoding.ASCII.GetBytes("\"}");
        await response.Body.WriteAsync(head, context.RequestAborted);
        long fill = response.ContentLength.Value - head.Length - tail.Length;
        byte[] chunk = Enumerable.Repeat((byte)'x', 64 * 1024).ToArray();
        while (fill > 0)
        {
            int n = (int)Math.Min(fill, chunk.Length);
            await response.Body.WriteAsync(chunk.AsMemory(0, n), context.RequestAborted);
            fill -= n;
        }
        await response.Body.WriteAsync(tail, context.RequestAborted);
    }

    private static string RedirectTarget(HttpContext context, string location)
    {
        var uri = new Uri(location);
        return uri.AbsolutePath == "/" && uri.Query.Length == 0
            ? location.TrimEnd('/') + context.Request.Path + context.Request.QueryString
            : location;
    }
}
