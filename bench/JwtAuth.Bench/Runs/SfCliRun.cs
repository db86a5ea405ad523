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
    /// Part 4: the real Salesforce CLI (`sf org login jwt`) against the same mock, inside `unshare -n`, for a
    /// side-by-side figure. Uses the Node + CLI cache of tests/interop/install-sf.sh; installs only when asked.
    /// </summary>
    internal sealed class SfCliRun
    {
        private readonly string _repo;
        private readonly BenchScenario _scenario;
        private readonly string _mockDll;
        private readonly ResultTable _table;

        public SfCliRun(string repo, BenchScenario scenario, string mockDll, ResultTable table)
        {
            _repo = repo;
            _scenario = scenario;
            _mockDll = mockDll;
            _table = table;
        }

        public static string CacheFolder()
        {
            var explicitCache = Environment.GetEnvironmentVariable("JWTAUTH_INTEROP_CACHE");
            if (!string.IsNullOrEmpty(explicitCache)) return explicitCache;
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg;
            return Path.Combine(root, "jwtauth-interop");
        }

        public void Run(bool install, int latencyMs, int sequentialLogins, double ourFiftyOrgMs)
        {
            var cache = CacheFolder();
            var entry = Path.Combine(cache, "sf", "node_modules", "@salesforce", "cli", "bin", "run.js");
            if (!File.Exists(entry))
            {
                if (!install)
                {
                    _table.Add("4 sf CLI", "sf org login jwt", "skipped", $"the CLI is not in {cache}; pass --install-sf to install it (Node 22 + @salesforce/cli, a few hundred MB)");
                    return;
                }

                var installed = ChildProcess.Run("bash", new[] { Path.Combine(_repo, "tests", "interop", "install-sf.sh") });
                if (installed.ExitCode != 0 || !File.Exists(entry))
                {
                    _table.Add("4 sf CLI", "sf org login jwt", "skipped", "tests/interop/install-sf.sh could not install the CLI");
                    return;
                }
            }

            if (ChildProcess.Run("unshare", new[] { "-n", "true" }, echo: false).ExitCode != 0)
            {
                _table.Add("4 sf CLI", "sf org login jwt", "skipped", "cannot create a network namespace (unshare -n needs root)");
                return;
            }

            var work = Directory.CreateTempSubdirectory("jwtauth-bench-sf.").FullName;
            try
            {
                var users = _scenario.ScratchUsernames.Take(sequentialLogins).ToList();
                var environment = new Dictionary<string, string>
                {
                    ["BENCH_WORK"] = work,
                    ["BENCH_CACHE"] = cache,
                    ["BENCH_MOCK_DLL"] = _mockDll,
                    ["BENCH_SETUP"] = _scenario.SetupPath,
                    ["BENCH_KEY"] = _scenario.Keys.KeyPath,
                    ["BENCH_CLIENT_ID"] = BenchScenario.ClientId,
                    ["BENCH_USERS"] = string.Join(' ', users),
                    ["BENCH_LATENCY_MS"] = latencyMs.ToString(CultureInfo.InvariantCulture),
                    ["BENCH_SINGLE_RUNS"] = "3",
                };
                var result = ChildProcess.Run("unshare", new[] { "-n", "bash", Path.Combine(_repo, "bench", "sf-cli-bench.sh") }, environment);
                var values = result.Stdout.Split('\n')
                    .Select(l => l.Trim().Split(' '))
                    .Where(p => p.Length == 3 && p[0] == "RESULT")
                    .GroupBy(p => p[1], p => double.Parse(p[2], CultureInfo.InvariantCulture))
                    .ToDictionary(g => g.Key, g => g.ToList());
                if (result.ExitCode != 0 || !values.ContainsKey("single-0ms"))
                {
                    _table.Add("4 sf CLI", "sf org login jwt", "failed", "see the output above");
                    return;
                }

                var single = values["single-0ms"];
                _table.Add("4 sf CLI", "one `sf org login jwt`, mock latency 0 (fresh node process)",
                    $"median {Stats.Median(single):0} ms", Stats.Spread(single).Trim());
                if (values.TryGetValue($"sequential-{latencyMs}ms", out var sequential))
                {
                    var perLogin = values.TryGetValue("requests-per-login", out var r) ? r[0] : double.NaN;
                    var extrapolated = sequential.Sum() / sequential.Count * _scenario.ScratchUsernames.Count;
                    _table.Add("4 sf CLI", $"one `sf org login jwt`, mock latency {latencyMs} ms",
                        $"median {Stats.Median(sequential):0} ms", $"{perLogin:0.#} HTTP requests per login, each paying the latency");
                    _table.Add("4 sf CLI", $"{_scenario.ScratchUsernames.Count} sequential `sf org login jwt`, latency {latencyMs} ms",
                        $"~{extrapolated / 1000:0.0} s (extrapolated from {sequential.Count})",
                        double.IsNaN(ourFiftyOrgMs) ? string.Empty : $"{extrapolated / ourFiftyOrgMs:0}x the OrgAuthService ThrottleLimit 16 run above");
                }
            }
            finally
            {
                Directory.Delete(work, true);
            }
        }
    }
}
