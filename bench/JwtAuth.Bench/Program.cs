using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using JwtAuth.Bench;
using JwtAuth.Bench.Fixture;
using JwtAuth.Bench.Reporting;
using JwtAuth.Bench.Runs;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    if (ex.Message.Length > 0) Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (!File.Exists(options.MockDll))
{
    Console.Error.WriteLine($"The mock is not built at {options.MockDll}: run bench/run.sh, or dotnet build tests/MockSalesforce -c Release.");
    return 2;
}

var table = new ResultTable();
var machine = MachineInfo.Describe();
var loadAtStart = MachineInfo.LoadAverage();
Console.WriteLine($"JwtAuth benchmark on {machine}; {loadAtStart} at start");
var folder = Directory.CreateTempSubdirectory("jwtauth-bench.").FullName;
try
{
    var scenario = BenchScenario.Create(folder, options.Orgs);
    var fiftyOrgMs = double.NaN;

    if (options.Runs("bulk"))
    {
        Console.WriteLine($"part 1: {options.Orgs} orgs at {options.LatencyMs} ms server latency");
        await using var mock = await MockProcess.StartAsync(options.MockDll!, scenario.SetupPath, options.LatencyMs);
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        var bulk = new BulkRun(scenario, mock, table);
        await bulk.RunAsync(options.Throttle, options.Repeat);
        fiftyOrgMs = bulk.ServiceMedianMs;
        using var self = Process.GetCurrentProcess();
        table.Add("1 bulk", "peak working set of the bench process after part 1", $"{self.PeakWorkingSet64 / 1048576.0:0} MB",
            $"Process.PeakWorkingSet64; {workingSetBefore / 1048576.0:0} MB before part 1 (runtime, BenchmarkDotNet and Core loaded)");
    }

    if (options.Runs("store"))
    {
        Console.WriteLine("part 1b: store writes alone");
        StoreRun.Run(scenario, table);
    }

    if (options.Runs("warm"))
    {
        Console.WriteLine("part 2: one exchange at a time, warm process, no latency");
        await using var mock = await MockProcess.StartAsync(options.MockDll!, scenario.SetupPath, 0);
        await new WarmExchangeRun(scenario, mock, table).RunAsync(options.Iterations);
    }

    if (options.Runs("signing"))
    {
        Console.WriteLine("part 3: key load and assertion signing (BenchmarkDotNet)");
        SigningRun.Run(table);
    }

    if (options.Runs("sfcli"))
    {
        Console.WriteLine("part 4: the Salesforce CLI against the same mock, inside unshare -n");
        new SfCliRun(options.Repo, scenario, options.MockDll!, table).Run(options.InstallSf, options.LatencyMs, options.SfLogins, fiftyOrgMs);
    }

    if (options.Runs("pwsh") || options.Runs("oneshot"))
    {
        var pwsh = PinnedPwsh.Find(options.Repo, out var reason);
        if (pwsh is null)
        {
            table.Add("5 pwsh / 6 one-shot", "the pinned PowerShell", "skipped", reason);
        }
        else if (!File.Exists(options.ModuleManifest))
        {
            table.Add("5 pwsh / 6 one-shot", "the module", "skipped", $"{options.ModuleManifest} is missing: build src/JwtAuth -c Release first (bench/run.sh does)");
        }
        else
        {
            if (options.Runs("pwsh"))
            {
                Console.WriteLine($"part 5: the cmdlet in PowerShell {pwsh.Version}");
                await using var mock = await MockProcess.StartAsync(options.MockDll!, scenario.SetupPath, options.LatencyMs);
                new PwshRun(options.Repo, scenario, pwsh, table).Run(options.ModuleManifest!, mock, options.Throttle, options.PwshStarts);
            }

            if (options.Runs("oneshot"))
            {
                Console.WriteLine("part 6: the one-shot login in fresh processes, against sf org login jwt");
                new OneShotRun(options.Repo, scenario, options.MockDll!, pwsh, table).Run(options.ModuleManifest!, options.BaselineManifest, options.OneShotRounds);
            }
        }
    }
}
finally
{
    Directory.Delete(folder, true);
}

var load = $"{loadAtStart} at start, {MachineInfo.LoadAverage()} at the end";
Console.WriteLine();
Console.WriteLine(table.ToMarkdown(machine, load));
if (options.Out != null)
{
    table.Write(options.Out, machine, load);
    Console.WriteLine($"Written to {options.Out}");
}

return 0;
