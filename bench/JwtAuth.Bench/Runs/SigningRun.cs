using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using JwtAuth.Bench.Reporting;

namespace JwtAuth.Bench.Runs
{
    /// <summary>Runs <see cref="SigningBenchmarks"/> in this process (no generated project to build on a busy machine).</summary>
    internal static class SigningRun
    {
        public static void Run(ResultTable table)
        {
            var artifacts = Directory.CreateTempSubdirectory("jwtauth-bench-bdn.").FullName;
            try
            {
                var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                    .WithWarmupCount(3).WithIterationCount(15).WithId("InProcess");
                var config = ManualConfig.CreateEmpty()
                    .AddJob(job)
                    .AddColumnProvider(DefaultColumnProviders.Instance)
                    .AddDiagnoser(MemoryDiagnoser.Default)
                    .AddLogger(ConsoleLogger.Default)
                    .AddExporter(MarkdownExporter.GitHub)
                    .WithArtifactsPath(artifacts);
                var summary = BenchmarkRunner.Run<SigningBenchmarks>(config);
                foreach (var report in summary.Reports)
                {
                    var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
                    var stats = report.ResultStatistics;
                    if (stats is null)
                    {
                        table.Add("3 signing", name, "failed", "see the BenchmarkDotNet output above");
                        continue;
                    }

                    var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                    table.Add("3 signing", name, $"median {stats.Median / 1e6:0.000} ms",
                        $"mean {stats.Mean / 1e6:0.000} ms ± {stats.StandardError / 1e6:0.000}; {allocated ?? 0:N0} B allocated per call (BenchmarkDotNet 0.14, in-process)");
                }
            }
            finally
            {
                Directory.Delete(artifacts, true);
            }
        }
    }
}
