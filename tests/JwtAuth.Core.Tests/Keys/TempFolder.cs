using System.Diagnostics;

namespace JwtAuth.Core.Tests.Keys;

/// <summary>A fresh folder under the temp path, removed with everything in it on Dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jwtauth-keys-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string[] Entries() => Directory.GetFileSystemEntries(Path).Select(System.IO.Path.GetFileName).OrderBy(n => n).ToArray()!;

    public void Dispose()
    {
        if (!Directory.Exists(Path)) return;
        if (!OperatingSystem.IsWindows())
        {
            // Tests make folders read-only or files unreadable; give them back before deleting.
            foreach (var entry in Directory.GetFileSystemEntries(Path, "*", SearchOption.AllDirectories).Append(Path))
                RestoreAccess(entry);
        }
        Directory.Delete(Path, recursive: true);
    }

    private static void RestoreAccess(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        try { System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Runs the openssl command line (on PATH) to cross-check what the codec writes and reads.</summary>
public static class OpenSsl
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public Result EnsureSuccess(string what)
        {
            Assert.True(ExitCode == 0, $"openssl {what} failed ({ExitCode}): {StdErr}");
            return this;
        }
    }

    public static Result Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("openssl " + string.Join(' ', arguments) + " did not finish");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string Ok(params string[] arguments) => Run(arguments).EnsureSuccess(string.Join(' ', arguments)).StdOut;

    /// <summary>"Modulus=ABC..." from openssl rsa/x509 -noout -modulus.</summary>
    public static string Modulus(string kind, string path, string? password = null)
    {
        var args = new List<string> { kind, "-in", path, "-noout", "-modulus" };
        if (password != null) { args.Add("-passin"); args.Add("pass:" + password); }
        return Ok(args.ToArray()).Trim();
    }

    public static bool SupportsLegacyProvider { get; } = Run("list", "-providers", "-provider", "legacy").ExitCode == 0;
}
