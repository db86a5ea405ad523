using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using JwtAuth.Bench.Fixture;
using JwtAuth.Bench.Reporting;

namespace JwtAuth.Bench.Runs
{
    /// <summary>
    /// Part 6: the one-shot login of a scheduled task or a CI step, in fresh processes: a bare engine start, the import
    /// alone, import + first connect + first token read, and `sf org login jwt` against the same mock, in paired rounds
    /// inside `unshare -n` (bench/one-shot-bench.sh); then the same path timed inside one process.
    /// </summary>
    internal sealed class OneShotRun
    {
        private const string Part = "6 one-shot";
        private const double TargetOverBareMs = 200;
        private const double TargetSfRatio = 0.75;

        private readonly string _repo;
        private readonly BenchScenario _scenario;
        private readonly string _mockDll;
        private readonly PinnedPwsh _pwsh;
        private readonly ResultTable _table;

        public OneShotRun(string repo, BenchScenario scenario, string mockDll, PinnedPwsh pwsh, ResultTable table)
        {
            _repo = repo;
            _scenario = scenario;
            _mockDll = mockDll;
            _pwsh = pwsh;
            _table = table;
        }

        public void Run(string moduleManifest, string? baselineManifest, int rounds)
        {
            var modules = ModulesFolder(moduleManifest);
            var baseline = baselineManifest is null ? null : ModulesFolder(baselineManifest);
            if (modules is null || (baselineManifest != null && baseline is null))
            {
                _table.Add(Part, "one-shot login", "skipped", "the module must sit in a folder named JwtAuth (it is imported by name, as a task would)");
                return;
            }

            var sfEntry = Path.Combine(SfCliRun.CacheFolder(), "sf", "node_modules", "@salesforce", "cli", "bin", "run.js");
            var haveSf = File.Exists(sfEntry);
            var inNamespace = ChildProcess.Run("unshare", new[] { "-n", "true" }, echo: false).ExitCode == 0;
            if (!inNamespace) _table.Note("part 6 ran outside a network namespace (unshare -n needs root), so without `sf org login jwt`.");
            else if (!haveSf) _table.Note($"part 6 ran without `sf org login jwt`: the CLI is not in {SfCliRun.CacheFolder()} (bench/run.sh --install-sf).");

            var work = Directory.CreateTempSubdirectory("jwtauth-bench-oneshot.").FullName;
            try
            {
                var environment = new Dictionary<string, string>
                {
                    ["BENCH_WORK"] = work,
                    ["BENCH_CACHE"] = SfCliRun.CacheFolder(),
                    ["BENCH_MOCK_DLL"] = _mockDll,
                    ["BENCH_SETUP"] = _scenario.SetupPath,
                    ["BENCH_KEY"] = _scenario.Keys.KeyPath,
                    ["BENCH_CLIENT_ID"] = BenchScenario.ClientId,
                    ["BENCH_USER"] = _scenario.ScratchUsernames[0],
                    ["BENCH_PWSH_DLL"] = _pwsh.EngineDll,
                    ["BENCH_MODULES"] = modules,
                    ["BENCH_BASELINE_MODULES"] = baseline ?? string.Empty,
                    ["BENCH_ROUNDS"] = rounds.ToString(CultureInfo.InvariantCulture),
                    ["BENCH_NO_SF"] = inNamespace && haveSf ? "0" : "1",
                };
                var script = Path.Combine(_repo, "bench", "one-shot-bench.sh");
                var result = inNamespace
                    ? ChildProcess.Run("unshare", new[] { "-n", "bash", script }, environment)
                    : ChildProcess.Run("bash", new[] { script }, environment);
                if (result.ExitCode != 0)
                {
                    _table.Add(Part, "one-shot login", "failed", "see the output above");
                    return;
                }

                Report(OneShotOutput.Parse(result.Stdout));
            }
            finally
            {
                Directory.Delete(work, true);
            }
        }

        // PSModulePath entry that holds the module's JwtAuth folder.
        private static string? ModulesFolder(string manifest)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(manifest));
            return folder != null && File.Exists(manifest) && Path.GetFileName(folder) == "JwtAuth" ? Path.GetDirectoryName(folder) : null;
        }

        private void Report(OneShotOutput output)
        {
            var engine = $"PowerShell {_pwsh.Version} (dotnet + pwsh.dll)";
            var load = $"1-min load average {output.LoadAtStart} at start, {output.LoadAtEnd} at the end";
            Row("bare", $"{engine} `-NoProfile -c exit`", output, null, load);
            Row("import", "`Import-Module JwtAuth; exit`", output, "bare", null);
            var overBare = Row("oneshot", "one-shot: `Import-Module JwtAuth`, `Connect-SfOrgJwt` one org, `(Get-SfOrgAuth -AsPlainText).AccessToken`", output, "bare",
                null, target: TargetOverBareMs);
            Row("import-baseline", "`Import-Module JwtAuth; exit`, baseline module", output, "bare", null);
            var baselineOverBare = Row("oneshot-baseline", "one-shot, baseline module", output, "bare", null);
            if (!double.IsNaN(overBare) && !double.IsNaN(baselineOverBare))
                _table.Note($"part 6: the module under test costs {overBare:+0;-0} ms over a bare start against {baselineOverBare:+0;-0} ms for the baseline (medians of paired differences).");

            if (output.Runs.TryGetValue("sf", out var sf))
            {
                _table.Add(Part, "`sf org login jwt` for the same user (fresh Node process)", $"median {Stats.Median(sf.Select(r => r.WallMs)):0} ms",
                    $"{Stats.Spread(sf.Select(r => r.WallMs).ToList()).Trim()}; CPU median {Stats.Median(sf.Select(r => r.CpuMs)):0} ms");
                var ratios = Paired(output, "oneshot", "sf", (ours, theirs) => ours / theirs);
                var ratio = Stats.Median(ratios);
                _table.Add(Part, "one-shot / `sf org login jwt`", $"{ratio:0.00}x",
                    $"median of {ratios.Count} paired ratios (min {ratios.Min():0.00}, max {ratios.Max():0.00}); target at most {TargetSfRatio:0.00}x: {(ratio <= TargetSfRatio ? "met" : "not met")}");
            }

            if (output.Splits.Count > 0)
            {
                _table.Add(Part, "inside one fresh process: Import-Module JwtAuth", $"median {Stats.Median(output.Splits.Select(s => s.ImportMs)):0} ms", $"n={output.Splits.Count} processes");
                _table.Add(Part, "inside one fresh process: first Connect-SfOrgJwt", $"median {Stats.Median(output.Splits.Select(s => s.ConnectMs)):0} ms", "key load, assertion, token exchange, org details, store write");
                _table.Add(Part, "inside one fresh process: first Get-SfOrgAuth -AsPlainText", $"median {Stats.Median(output.Splits.Select(s => s.TokenMs)):0} ms", "store read, token decrypted");
            }
        }

        // Adds the row for one command; returns the median of its paired differences from `reference` (NaN when not run).
        private double Row(string command, string label, OneShotOutput output, string? reference, string? extra, double? target = null)
        {
            if (!output.Runs.TryGetValue(command, out var runs)) return double.NaN;
            var walls = runs.Select(r => r.WallMs).ToList();
            var note = $"{Stats.Spread(walls).Trim()}; CPU median {Stats.Median(runs.Select(r => r.CpuMs)):0} ms";
            var difference = double.NaN;
            if (reference != null)
            {
                var differences = Paired(output, command, reference, (a, b) => a - b);
                difference = Stats.Median(differences);
                var cpu = Stats.Median(Paired(output, command, reference, (a, b) => a - b, r => r.CpuMs));
                note += $"; {difference:+0;-0} ms over a bare start (median of {differences.Count} paired differences; CPU {cpu:+0;-0} ms)";
                if (target.HasValue) note += $"; target at most +{target:0} ms: {(difference <= target ? "met" : "not met")}";
            }

            if (extra != null) note += "; " + extra;
            _table.Add(Part, label, $"median {Stats.Median(walls):0} ms", note);
            return difference;
        }

        // One value per round in which both ran: the wall times by default.
        private static List<double> Paired(OneShotOutput output, string command, string reference, Func<double, double, double> combine,
            Func<(int Round, double WallMs, double CpuMs), double>? measure = null)
        {
            measure ??= r => r.WallMs;
            var other = output.Runs[reference].ToDictionary(r => r.Round, measure);
            return output.Runs[command].Where(r => other.ContainsKey(r.Round)).Select(r => combine(measure(r), other[r.Round])).ToList();
        }
    }
}
