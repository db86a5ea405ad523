using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using JwtAuth.Bench.Fixture;
using JwtAuth.Bench.Reporting;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Login;

namespace JwtAuth.Bench.Runs
{
    /// <summary>
    /// Part 2: one login at a time in a warm process against the mock with no latency: what the client itself
    /// costs per exchange (sign, HTTP over a pooled loopback connection, parse), with and without the follow-ups.
    /// The mock's own time per login (from its request log) is reported beside it, since it runs on the same cores.
    /// </summary>
    internal sealed class WarmExchangeRun
    {
        private const int WarmUp = 30;
        private readonly BenchScenario _scenario;
        private readonly MockProcess _mock;
        private readonly ResultTable _table;

        public WarmExchangeRun(BenchScenario scenario, MockProcess mock, ResultTable table)
        {
            _scenario = scenario;
            _mock = mock;
            _table = table;
        }

        public async Task RunAsync(int iterations)
        {
            using var key = SigningKeyLoader.FromFile(_scenario.Keys.KeyPath);
            foreach (var details in new[] { false, true })
            {
                using var client = new SalesforceLoginClient(new SalesforceLoginClientOptions { FetchOrgDetails = details });
                var request = new JwtLoginRequest
                {
                    ClientId = BenchScenario.ClientId,
                    Username = _scenario.ScratchUsernames[0],
                    LoginUrl = _mock.BaseUrl,
                    Audience = "https://test.salesforce.com",
                };

                for (var i = 0; i < WarmUp; i++) await client.LoginAsync(request, key.Rsa, key.Reference);
                await _mock.ClearRequestsAsync();

                var times = new List<double>(iterations);
                for (var i = 0; i < iterations; i++)
                {
                    var clock = Stopwatch.StartNew();
                    await client.LoginAsync(request, key.Rsa, key.Reference);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }

                var log = await _mock.RequestsAsync();
                var serverMs = log.EnumerateArray().Sum(r => r.GetProperty("durationMs").GetDouble()) / iterations;
                var requestsPerLogin = log.GetArrayLength() / (double)iterations;
                _table.Add("2 warm", $"one exchange, FetchOrgDetails {(details ? "on" : "off")}, mock latency 0",
                    $"median {Stats.Median(times):0.00} ms, p90 {Stats.Percentile(times, 90):0.00} ms",
                    $"n={iterations} after {WarmUp} warm-up; {requestsPerLogin:0.#} HTTP requests per login{(details ? " (token, Organization, ScratchOrgInfo; the API version is cached per instance)" : " (token)")}; " +
                    $"the mock's own handling time {serverMs:0.00} ms per login is included in the wall time");
            }
        }
    }
}
