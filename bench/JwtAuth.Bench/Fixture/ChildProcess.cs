using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace JwtAuth.Bench.Fixture
{
    /// <summary>Runs a command to completion, echoing its output indented, and returns its exit code and stdout.</summary>
    internal static class ChildProcess
    {
        public static (int ExitCode, string Stdout, string Stderr) Run(string file, IEnumerable<string> args,
            IDictionary<string, string>? environment = null, bool echo = true, string? workingDirectory = null)
        {
            var start = new ProcessStartInfo(file)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            };
            foreach (var arg in args) start.ArgumentList.Add(arg);
            if (environment != null)
            {
                foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
            }

            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (stdout) stdout.AppendLine(e.Data);
                if (echo) Console.WriteLine("    | " + e.Data);
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (stderr) stderr.AppendLine(e.Data);
                if (echo) Console.WriteLine("    ! " + e.Data);
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            return (process.ExitCode, stdout.ToString(), stderr.ToString());
        }
    }
}
