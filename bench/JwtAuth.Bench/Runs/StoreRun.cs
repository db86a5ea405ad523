using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using JwtAuth.Bench.Fixture;
using JwtAuth.Bench.Reporting;
using JwtAuth.Core.Model;
using JwtAuth.Core.Store;

namespace JwtAuth.Bench.Runs
{
    /// <summary>
    /// Part 1b: the store writes of a bulk connect alone (no network): N auths saved one after another into a
    /// fresh store, as BulkConnector does when each login completes. Shows what part 1's OrgAuthService rows
    /// pay over the BulkLogin rows.
    /// </summary>
    internal static class StoreRun
    {
        public static void Run(BenchScenario scenario, ResultTable table)
        {
            foreach (var withAlias in new[] { true, false })
            {
                var home = Directory.CreateTempSubdirectory("jwtauth-bench-store.").FullName;
                try
                {
                    var store = new OrgAuthStore(home);
                    store.Save(Auth("warmup@bench.jwtauth.test", null));
                    var times = new List<double>();
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var total = Stopwatch.StartNew();
                    for (var i = 0; i < scenario.ScratchUsernames.Count; i++)
                    {
                        var clock = Stopwatch.StartNew();
                        store.Save(Auth(scenario.ScratchUsernames[i], withAlias ? $"s{i + 1}" : null));
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }

                    total.Stop();
                    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                    table.Add("1b store", $"{scenario.ScratchUsernames.Count} OrgAuthStore.Save one after another, {(withAlias ? "each with an alias" : "no alias")}",
                        $"{total.Elapsed.TotalMilliseconds:0} ms total, median {Stats.Median(times):0.0} ms per save",
                        $"p90 {Stats.Percentile(times, 90):0.0} ms; CPU {cpuMs:0} ms in all; each save flushes its org file{(withAlias ? " and settings.json" : string.Empty)} to disk (fsync) under the store lock");
                }
                finally
                {
                    Directory.Delete(home, true);
                }
            }
        }

        private static OrgAuth Auth(string username, string? alias) => new OrgAuth
        {
            Username = username,
            Alias = alias,
            OrgId = "00D000000000001AAA",
            UserId = "005000000000001AAA",
            InstanceUrl = "http://127.0.0.1:1",
            LoginUrl = "http://127.0.0.1:1",
            Audience = "https://test.salesforce.com",
            ClientId = BenchScenario.ClientId,
            Key = KeyReference.None(),
            AccessToken = "00D000000000001!AQbenchmark.token.not.real",
            IssuedAt = DateTimeOffset.UtcNow,
            OrgType = OrgType.Scratch,
        };
    }
}
