using System.Diagnostics;

namespace JwtAuth.Core.Tests.SfCli;

/// <summary>Runs the interop driver (copied beside the tests) as a child process with a chosen HOME.</summary>
internal static class DriverProcess
{
    public static Process Start(string? home, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JwtAuth.InteropDriver.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        if (home is null) start.Environment.Remove("HOME");
        else start.Environment["HOME"] = home;
        return Process.Start(start)!;
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string? home, params string[] args)
    {
        using var process = Start(home, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
