using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Bench.Fixture;
using JwtAuth.Bench.Reporting;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Login;
using JwtAuth.Core.Service;

namespace JwtAuth.Bench.Runs
{
    /// <summary>
    /// Part 1: N scratch orgs against the mock at a fixed server latency, through OrgAuthService (the cmdlet's
    /// path: key loaded once, logins throttled, each auth written to a temp JWTAUTH_HOME store as it completes),
    /// and through BulkLogin alone (no store) with and without the follow-up org-detail calls.
    /// </summary>
    internal sealed class BulkRun
    {
        private readonly BenchScenario _scenario;
        private readonly MockProcess _mock;
        private readonly ResultTable _table;

        public BulkRun(BenchScenario scenario, MockProcess mock, ResultTable table)
        {
            _scenario = scenario;
            _mock = mock;
            _table = table;
        }

        /// <summary>The median of the OrgAuthService runs at the requested throttle, for the side-by-side with the CLI.</summary>
        public double ServiceMedianMs { get; private set; } = double.NaN;

        public async Task RunAsync(int throttle, int repeat)
        {
            var orgs = _scenario.ScratchUsernames.Count;
            var rounds = Rounds(orgs, throttle);
            _table.Note($"Part 1 ideal = ceil({orgs}/{throttle}) x {_mock.LatencyMs} ms = {rounds * _mock.LatencyMs:0} ms (one round of latency per org). " +
                        "Each login is 1 token POST, then GET /services/data (cached per instance host) and the Organization and " +
                        "ScratchOrgInfo queries, each paying the latency; all orgs are on the mock's one host.");

            Console.WriteLine("part 1: first run in this process (JIT, connection set-up), reported apart");
            var cold = await ServiceRunAsync(throttle);
            Report("OrgAuthService, first run in the process", throttle, rounds, new[] { cold });

            var samples = new List<BulkSample>();
            for (var i = 0; i < repeat; i++) samples.Add(await ServiceRunAsync(throttle));
            Report("OrgAuthService", throttle, rounds, samples);
            ServiceMedianMs = Stats.Median(samples.Select(s => s.Milliseconds));

            var serial = await ServiceRunAsync(1);
            Report("OrgAuthService", 1, Rounds(orgs, 1), new[] { serial });

            foreach (var details in new[] { true, false })
            {
                var bulk = new List<BulkSample>();
                for (var i = 0; i < repeat; i++) bulk.Add(await BulkLoginRunAsync(throttle, details));
                Report(details ? "BulkLogin, no store" : "BulkLogin, no store, FetchOrgDetails off", throttle, rounds, bulk);
            }
        }

        private static double Rounds(int orgs, int throttle) => Math.Ceiling(orgs / (double)throttle);

        private void Report(string path, int throttle, double rounds, IReadOnlyCollection<BulkSample> samples)
        {
            var ideal = rounds * _mock.LatencyMs;
            var times = samples.Select(s => s.Milliseconds).ToList();
            var median = Stats.Median(times);
            var last = samples.Last();
            _table.Add("1 bulk", $"{_scenario.ScratchUsernames.Count} orgs, {path}, ThrottleLimit {throttle}, latency {_mock.LatencyMs} ms",
                $"{median:0} ms = {median / ideal:0.00}x ideal ({ideal:0} ms)",
                $"{Stats.Spread(times).Trim()} {last.Succeeded} ok; requests per run: {last.Requests}; {last.Timeline}; allocated {last.AllocatedMb:0.0} MB".Trim());
        }

        private async Task<BulkSample> ServiceRunAsync(int throttle)
        {
            var home = Directory.CreateTempSubdirectory("jwtauth-bench-home.").FullName;
            Environment.SetEnvironmentVariable("JWTAUTH_HOME", home);
            try
            {
                // The cmdlets share the process's one client; a fresh client per run (cold API-version cache, new
                // connections) is what a new PowerShell session has.
                using var client = new SalesforceLoginClient();
                var service = OrgAuthService.ForCurrentUser(client, TimeSpan.FromSeconds(30));
                var requests = _scenario.ScratchUsernames.Select((username, i) => new ConnectRequest
                {
                    ClientId = BenchScenario.ClientId,
                    Username = username,
                    LoginUrl = _mock.BaseUrl,
                    Audience = "https://test.salesforce.com",
                    Alias = $"s{i + 1}",
                    Key = KeySource.FromFile(_scenario.Keys.KeyPath, null),
                }).ToList();

                var succeeded = 0;
                string? firstError = null;
                await _mock.ClearRequestsAsync();
                var allocated = GC.GetTotalAllocatedBytes(true);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                await service.ConnectAsync(requests, throttle, result =>
                {
                    if (result.Error is null) Interlocked.Increment(ref succeeded);
                    else firstError ??= $"{result.Username}: {result.Error.Message}";
                }, _ => { }, _ => { }, CancellationToken.None);
                clock.Stop();
                return await SampleAsync(clock, cpu, succeeded, firstError, allocated);
            }
            finally
            {
                Environment.SetEnvironmentVariable("JWTAUTH_HOME", null);
                Directory.Delete(home, true);
            }
        }

        private async Task<BulkSample> BulkLoginRunAsync(int throttle, bool fetchOrgDetails)
        {
            using var client = new SalesforceLoginClient(new SalesforceLoginClientOptions { FetchOrgDetails = fetchOrgDetails });
            using var key = SigningKeyLoader.FromFile(_scenario.Keys.KeyPath);
            var logins = _scenario.ScratchUsernames.Select(username => new JwtLoginRequest
            {
                ClientId = BenchScenario.ClientId,
                Username = username,
                LoginUrl = _mock.BaseUrl,
                Audience = "https://test.salesforce.com",
            }).ToList();

            var succeeded = 0;
            string? firstError = null;
            await _mock.ClearRequestsAsync();
            var allocated = GC.GetTotalAllocatedBytes(true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await BulkLogin.LoginManyAsync(client, logins, key.Rsa, key.Reference, throttle, result =>
            {
                if (result.Succeeded) succeeded++;
                else firstError ??= $"{result.Request.Username}: {result.Error!.Message}";
            });
            clock.Stop();
            return await SampleAsync(clock, cpu, succeeded, firstError, allocated);
        }

        private async Task<BulkSample> SampleAsync(Stopwatch clock, TimeSpan cpuBefore, int succeeded, string? firstError, long allocatedBefore)
        {
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var allocatedMb = (GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1048576.0;
            if (firstError != null) Console.Error.WriteLine("  first failure: " + firstError);
            var requests = await _mock.RequestsAsync();
            var counts = requests.EnumerateArray()
                .GroupBy(r => Describe(r))
                .Select(g => $"{g.Count()} {g.Key}");
            var timeline = $"{Timeline(requests)}; client CPU {cpuMs:0} ms";
            Console.WriteLine($"    run: {clock.Elapsed.TotalMilliseconds:0} ms, {succeeded} ok; {timeline}");
            return new BulkSample(clock.Elapsed.TotalMilliseconds, succeeded, string.Join(", ", counts), allocatedMb, timeline);
        }

        /// <summary>Where the time went, from the mock's side: when the last token was answered and the last follow-up.</summary>
        private static string Timeline(JsonElement requests)
        {
            var spans = requests.EnumerateArray().Select(r =>
            {
                var start = r.GetProperty("time").GetDateTimeOffset();
                return (Kind: Describe(r), Start: start, End: start.AddMilliseconds(r.GetProperty("durationMs").GetDouble()));
            }).ToList();
            if (spans.Count == 0) return "no requests logged";
            var first = spans.Min(x => x.Start);
            var lastToken = spans.Where(x => x.Kind == "token").Select(x => x.End).DefaultIfEmpty(first).Max();
            var last = spans.Max(x => x.End);
            return $"mock timeline: last token answered at +{(lastToken - first).TotalMilliseconds:0} ms, last request at +{(last - first).TotalMilliseconds:0} ms after the first arrived";
        }

        private static string Describe(JsonElement request)
        {
            var path = request.GetProperty("path").GetString() ?? string.Empty;
            if (path.EndsWith("/oauth2/token", StringComparison.Ordinal)) return "token";
            if (path.EndsWith("/query", StringComparison.Ordinal))
            {
                var query = request.TryGetProperty("query", out var q) ? q.GetString() ?? string.Empty : string.Empty;
                return query.Contains("ScratchOrgInfo", StringComparison.OrdinalIgnoreCase) ? "ScratchOrgInfo" : "Organization";
            }

            return path.TrimEnd('/') == "/services/data" ? "versions" : path;
        }

        private sealed record BulkSample(double Milliseconds, int Succeeded, string Requests, double AllocatedMb, string Timeline);
    }
}
