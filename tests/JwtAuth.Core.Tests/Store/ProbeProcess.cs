using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace JwtAuth.Core.Tests.Store;

/// <summary>
/// One run of tests/JwtAuth.StoreProbe as a separate process (a stand-in for another PowerShell
/// process using the same store). Its stdout lines are collected; dispose kills it if still running.
/// </summary>
internal sealed class ProbeProcess : IDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(180);
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();

    private ProbeProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ProbeProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(ProbeDll());
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = new Process { StartInfo = info };
        var probe = new ProbeProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data != null) probe._lines.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) probe._lines.Add("STDERR " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return probe;
    }

    /// <summary>The next output line, which must start with <paramref name="prefix"/>.</summary>
    public string ExpectLine(string prefix)
    {
        if (!_lines.TryTake(out var line, StepTimeout))
            throw new Xunit.Sdk.XunitException($"Probe {Id} printed nothing within {StepTimeout.TotalSeconds} s while '{prefix}' was expected.");
        if (!line.StartsWith(prefix, StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException($"Probe {Id} printed '{line}' where '{prefix}' was expected.");
        return line;
    }

    public int WaitForExit()
    {
        if (!_process.WaitForExit((int)StepTimeout.TotalMilliseconds))
            throw new Xunit.Sdk.XunitException($"Probe {Id} did not exit within {StepTimeout.TotalSeconds} s.");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Kills the process the way a crash or Stop-Process would: no finally blocks, no cleanup.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) Kill(); }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string ProbeDll()
    {
        var path = typeof(ProbeProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "StoreProbeDll").Value!;
        if (!File.Exists(path)) throw new FileNotFoundException("Build tests/JwtAuth.StoreProbe first (dotnet build JwtAuth.sln).", path);
        return path;
    }
}
