using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using JwtAuth.Bench.Fixture;
using JwtAuth.Bench.Reporting;

namespace JwtAuth.Bench.Runs
{
    /// <summary>
    /// Part 5, on the repository's pinned PowerShell: `Import-Csv | Connect-SfOrgJwt -ThrottleLimit N` against the
    /// standalone mock (peak memory from /usr/bin/time -v), and what Import-Module adds to a bare start.
    /// </summary>
    internal sealed class PwshRun
    {
        private readonly string _repo;
        private readonly BenchScenario _scenario;
        private readonly ResultTable _table;

        private readonly PinnedPwsh _pwsh;

        public PwshRun(string repo, BenchScenario scenario, PinnedPwsh pwsh, ResultTable table)
        {
            _repo = repo;
            _scenario = scenario;
            _pwsh = pwsh;
            _table = table;
        }

        public void Run(string moduleManifest, MockProcess mock, int throttle, int startRuns)
        {
            BulkThroughCmdlet(moduleManifest, mock, throttle);
            ImportCost(moduleManifest, startRuns);
        }

        private void BulkThroughCmdlet(string moduleManifest, MockProcess mock, int throttle)
        {
            var csv = _scenario.WriteCsv(mock.BaseUrl);
            var homes = Directory.CreateTempSubdirectory("jwtauth-bench-pwsh.").FullName;
            try
            {
                var useTime = File.Exists("/usr/bin/time");
                var pwshArgs = _pwsh.Arguments("-NoProfile", "-NonInteractive", "-File", Path.Combine(_repo, "bench", "pwsh-bulk.ps1"),
                    "-Module", moduleManifest, "-Csv", csv, "-KeyFile", _scenario.Keys.KeyPath, "-ClientId", BenchScenario.ClientId,
                    "-HomeRoot", homes, "-ThrottleLimit", throttle.ToString(CultureInfo.InvariantCulture));
                var result = useTime
                    ? ChildProcess.Run("/usr/bin/time", new[] { "-v", "dotnet" }.Concat(pwshArgs), echo: false)
                    : ChildProcess.Run("dotnet", pwshArgs, echo: false);
                foreach (var line in result.Stdout.Split('\n').Where(l => l.Trim().Length > 0)) Console.WriteLine("    | " + line.Trim());
                var runs = result.Stdout.Split('\n').Select(l => l.Trim().Split(' '))
                    .Where(p => p.Length == 5 && p[0] == "RESULT")
                    .ToDictionary(p => p[1], p => (Ms: double.Parse(p[2], CultureInfo.InvariantCulture), Objects: p[3], Errors: p[4]));
                if (result.ExitCode != 0 || !runs.ContainsKey("cold"))
                {
                    Console.WriteLine(result.Stderr);
                    _table.Add("5 pwsh", "Import-Csv | Connect-SfOrgJwt", "failed", "see the output above");
                    return;
                }

                var ideal = Math.Ceiling(_scenario.ScratchUsernames.Count / (double)throttle) * mock.LatencyMs;
                foreach (var (name, run) in runs)
                {
                    _table.Add("5 pwsh", $"Import-Csv ({_scenario.ScratchUsernames.Count} rows) | Connect-SfOrgJwt -ThrottleLimit {throttle}, latency {mock.LatencyMs} ms, {name} call",
                        $"{run.Ms:0} ms = {run.Ms / ideal:0.00}x ideal ({ideal:0} ms)",
                        $"{run.Objects} SfOrgAuth written, {run.Errors} errors; " +
                        (name == "cold" ? "first call in the session (module types, JIT, key load, connections)" : "second call, same session (pooled connections, cached API version)"));
                }

                var peak = Regex.Match(result.Stderr, @"Maximum resident set size \(kbytes\):\s*(\d+)");
                if (peak.Success)
                {
                    _table.Add("5 pwsh", "peak memory of that pwsh process (both calls)", $"{long.Parse(peak.Groups[1].Value, CultureInfo.InvariantCulture) / 1024.0:0} MB RSS", "/usr/bin/time -v, maximum resident set size");
                }
            }
            finally
            {
                Directory.Delete(homes, true);
            }
        }

        private void ImportCost(string moduleManifest, int runs)
        {
            // A built-in module as a third baseline: the first Import-Module in a process pays for PowerShell's
            // module machinery (command discovery, the cmdlet itself) whatever module it loads.
            var engine = $"PowerShell {_pwsh.Version} (dotnet + pwsh.dll)";
            var commands = new (string Label, string Command)[]
            {
                ($"{engine} `-NoProfile -c exit`", "exit"),
                ($"{engine} `-NoProfile -c 'Import-Module Microsoft.PowerShell.Utility; exit'` (built-in module, baseline)", "Import-Module Microsoft.PowerShell.Utility; exit"),
                ($"{engine} `-NoProfile -c 'Import-Module out/JwtAuth; exit'`", $"Import-Module '{moduleManifest.Replace("'", "''")}'; exit"),
            };
            var caches = Directory.CreateTempSubdirectory("jwtauth-bench-pwsh-cache.").FullName;
            try
            {
                // Each command keeps its own JIT startup profile (PowerShell rewrites it in XDG_CACHE_HOME on every run).
                var times = commands.Select(_ => new List<double>()).ToList();
                for (var c = 0; c < commands.Length; c++) Time(commands[c].Command, Path.Combine(caches, c.ToString(CultureInfo.InvariantCulture)));
                for (var i = 0; i < runs; i++)
                {
                    for (var c = 0; c < commands.Length; c++) times[c].Add(Time(commands[c].Command, Path.Combine(caches, c.ToString(CultureInfo.InvariantCulture))));
                }

                Report(commands.Select(c => c.Label).ToList(), times);
            }
            finally
            {
                Directory.Delete(caches, true);
            }
        }

        private void Report(IReadOnlyList<string> labels, IReadOnlyList<List<double>> times)
        {
            var medians = times.Select(t => Stats.Median(t)).ToList();
            _table.Add("5 pwsh", labels[0], $"median {medians[0]:0} ms", Stats.Spread(times[0]).Trim());
            _table.Add("5 pwsh", labels[1], $"median {medians[1]:0} ms",
                $"{Stats.Spread(times[1]).Trim()}; +{medians[1] - medians[0]:0} ms over a bare start");
            _table.Add("5 pwsh", labels[2], $"median {medians[2]:0} ms",
                $"{Stats.Spread(times[2]).Trim()}; Import-Module JwtAuth adds {medians[2] - medians[0]:0} ms to a bare start, " +
                $"{medians[2] - medians[1]:+0;-0} ms compared with importing the built-in module (differences of medians)");
        }

        private double Time(string command, string cache)
        {
            var clock = Stopwatch.StartNew();
            var result = _pwsh.Run(new[] { "-NoProfile", "-NonInteractive", "-Command", command }, new Dictionary<string, string> { ["XDG_CACHE_HOME"] = cache });
            clock.Stop();
            if (result.ExitCode != 0) throw new InvalidOperationException($"pwsh -Command {command} exited with {result.ExitCode}: {result.Stderr}");
            return clock.Elapsed.TotalMilliseconds;
        }
    }
}
