using System.Diagnostics;
using MockSalesforce;

namespace JwtAuth.Core.Tests.Mock;

/// <summary>The mock as a child process (`dotnet MockSalesforce.dll ...`), stopped by its own id on dispose.</summary>
internal sealed class StandaloneMock : IDisposable
{
    private const string ReadyPrefix = "MockSalesforce listening on ";

    private StandaloneMock(Process process) => Process = process;

    public Process Process { get; }
    public string BaseUrl { get; private set; } = "";
    public Task<string> StandardError { get; private set; } = Task.FromResult("");

    public static Process Spawn(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(MockSalesforceServer).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Starts the process and waits for its "listening on" line.</summary>
    public static async Task<StandaloneMock> StartAsync(params string[] args)
    {
        var mock = new StandaloneMock(Spawn(args));
        mock.StandardError = mock.Process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? line = await mock.Process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
        {
            mock.Dispose();
            throw new InvalidOperationException($"Unexpected first line from the mock: '{line}', stderr: {await mock.StandardError}");
        }
        mock.BaseUrl = line[ReadyPrefix.Length..];
        return mock;
    }

    /// <summary>Waits for the process to exit by itself; false if it is still running after the timeout.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill();
        Process.Dispose();
    }
}
