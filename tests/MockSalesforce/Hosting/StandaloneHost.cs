using System.Diagnostics;
using System.Text.Json;
using MockSalesforce.Control;

namespace MockSalesforce.Hosting;

/// <summary>Runs the mock as its own process until its lifetime ends, it is told to stop, or its parent dies.</summary>
internal static class StandaloneHost
{
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        await using var server = await MockSalesforceServer.StartAsync(commandLine.ToOptions());
        if (commandLine.ConfigPath is { } configPath)
        {
            string fullPath = Path.GetFullPath(configPath);
            var document = JsonSerializer.Deserialize<SetupDocument>(await File.ReadAllTextAsync(fullPath), ControlEndpoints.Json)
                ?? throw new ArgumentException($"{configPath} holds no setup document.");
            server.Apply(document, Path.GetDirectoryName(fullPath));
        }

        Console.Out.WriteLine($"MockSalesforce listening on {server.BaseUrl}");
        Console.Out.Flush();

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });

        var waits = new List<Task>
        {
            Task.Delay(commandLine.Lifetime, stop.Token),
            server.ShutdownRequested,
        };
        if (commandLine.ParentPid is { } parentPid) waits.Add(WaitForProcessExitAsync(parentPid, stop.Token));
        await Task.WhenAny(waits);
        return 0;
    }

    // Polls, because a process that is not our child cannot be waited for on every platform.
    private static async Task WaitForProcessExitAsync(int pid, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                if (process.HasExited) return;
            }
            catch (ArgumentException)
            {
                return; // no such process any more
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
