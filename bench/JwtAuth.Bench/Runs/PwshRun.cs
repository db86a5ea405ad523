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
    /// Part 5, where pwsh is on PATH: `Import-Csv | Connect-SfOrgJwt -ThrottleLimit N` against the standalone mock
    /// (peak memory from /usr/bin/time -v), and what Import-Module adds to a bare pwsh start.
    /// </summary>
    internal sealed class PwshRun
    {
        private readonly string _repo;
        private readonly BenchScenario _scenario;
        private readonly ResultTable _table;

        public PwshRun(string repo, BenchScenario scenario, ResultTable table)
        {
            _repo = repo;
            _scenario = scenario;
            _table = table;
        }

        public void Run(string moduleManifest, MockProcess mock, int throttle, int startRuns)
        {
            if (!ChildProcess.OnPath("pwsh"))
            {
                _table.Add("5 pwsh", "Connect-SfOrgJwt and Import-Module", "skipped", "pwsh is not on PATH");
                return;
            }

            if (!File.Exists(moduleManifest))
            {
                _table.Add("5 pwsh", "Connect-SfOrgJwt and Import-Module", "skipped", $"{moduleManifest} is missing: build src/JwtAuth -c Release first (bench/run.sh does)");
                return;
            }

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
                var pwshArgs = new List<string> { "-NoProfile", "-NonInteractive", "-File", Path.Combine(_repo, "bench", "pwsh-bulk.ps1"),
                    "-Module", moduleManifest, "-Csv", csv, "-KeyFile", _scenario.Keys.KeyPath, "-ClientId", BenchScenario.ClientId,
                    "-HomeRoot", homes, "-ThrottleLimit", throttle.ToString(CultureInfo.InvariantCulture) };
                var result = useTime
                    ? ChildProcess.Run("/usr/bin/time", new[] { "-v", "pwsh" }.Concat(pwshArgs), echo: false)
                    : ChildProcess.Run("pwsh", pwshArgs, echo: false);
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
                    _table.Add("5 pwsh", $"Import-Csv ({_scenario.ScratchUsernames.Count} rows) \\| Connect-SfOrgJwt -ThrottleLimit {throttle}, latency {mock.LatencyMs} ms, {name} call",
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
            var bare = new[] { "-NoProfile", "-NonInteractive", "-Command", "exit" };
            var import = new[] { "-NoProfile", "-NonInteractive", "-Command", $"Import-Module '{moduleManifest.Replace("'", "''")}'; exit" };
            Time(bare);
            Time(import);
            var bareTimes = new List<double>();
            var importTimes = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                bareTimes.Add(Time(bare));
                importTimes.Add(Time(import));
            }

            var bareMedian = Stats.Median(bareTimes);
            var importMedian = Stats.Median(importTimes);
            _table.Add("5 pwsh", "`pwsh -NoProfile -c exit`", $"median {bareMedian:0} ms", Stats.Spread(bareTimes).Trim());
            _table.Add("5 pwsh", "`pwsh -NoProfile -c 'Import-Module out/JwtAuth; exit'`", $"median {importMedian:0} ms",
                $"{Stats.Spread(importTimes).Trim()}; Import-Module adds {importMedian - bareMedian:0} ms (difference of medians)");
        }

        private static double Time(string[] args)
        {
            var clock = Stopwatch.StartNew();
            var result = ChildProcess.Run("pwsh", args, echo: false);
            clock.Stop();
            if (result.ExitCode != 0) throw new InvalidOperationException($"pwsh {string.Join(' ', args)} exited with {result.ExitCode}: {result.Stderr}");
            return clock.Elapsed.TotalMilliseconds;
        }
    }
}
