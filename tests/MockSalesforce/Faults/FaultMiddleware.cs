namespace MockSalesforce.Faults;

/// <summary>Applies global latency and queued faults before the Salesforce endpoints run.</summary>
internal static class FaultMiddleware
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next, MockState state)
    {
        if (state.Options.LatencyMs > 0) await Task.Delay(state.Options.LatencyMs, context.RequestAborted);

        var (delays, terminal) = state.Faults.Take(context.Request.Method, context.Request.Path.Value ?? "/");
        foreach (var delay in delays)
        {
            RecordFault(context, delay);
            await Task.Delay(delay.DelayMs, context.RequestAborted);
        }
        if (terminal is null)
        {
            await next();
            return;
        }
        RecordFault(context, terminal);
        if (terminal.Kind == FaultKind.WrongContentType)
        {
            string contentType = terminal.ContentType ?? "text/html;charset=UTF-8";
            context.Response.OnStarting(() =>
            {
                context.Response.ContentType = contentType;
                return Task.CompletedTask;
            });
            await next();
            return;
        }
        await FaultResponses.WriteAsync(context, terminal);
    }

    private static void RecordFault(HttpContext context, Fault fault)
    {
        var applied = context.Items[typeof(Fault)] as List<string> ?? new List<string>();
        applied.Add(fault.Kind.ToString());
        context.Items[typeof(Fault)] = applied;
    }
}
