using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace JwtAuth.Bench
{
    /// <summary>Command line: which parts to run and their sizes.</summary>
    internal sealed class BenchOptions
    {
        public const string Usage =
            "JwtAuth.Bench [all|bulk|store|warm|signing|sfcli|pwsh|oneshot ...] [--orgs 50] [--latency-ms 200] [--throttle 16] [--repeat 3]\n" +
            "              [--iterations 300] [--sf-logins 5] [--pwsh-starts 5] [--oneshot-rounds 10] [--install-sf] [--mock DLL]\n" +
            "              [--module PSD1] [--baseline-module PSD1] [--out FILE]\n" +
            "  all (default): every part. bulk = part 1, store = 1b (store writes alone), warm = 2, signing = 3 (BenchmarkDotNet), sfcli = 4, pwsh = 5,\n" +
            "  oneshot = 6 (fresh processes: bare start, import, one-shot login, sf org login jwt, paired rounds).\n" +
            "  --baseline-module: another build of the module (in a folder named JwtAuth) run in the same rounds of part 6.\n" +
            "  --install-sf: install Node 22 + the Salesforce CLI into the interop cache if missing (large download).";

        public HashSet<string> Parts { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        public int Orgs { get; private set; } = 50;
        public int LatencyMs { get; private set; } = 200;
        public int Throttle { get; private set; } = 16;
        public int Repeat { get; private set; } = 3;
        public int Iterations { get; private set; } = 300;
        public int SfLogins { get; private set; } = 5;
        public int PwshStarts { get; private set; } = 5;
        public int OneShotRounds { get; private set; } = 10;
        public bool InstallSf { get; private set; }
        public string Repo { get; private set; } = FindRepo();
        public string? MockDll { get; private set; }
        public string? ModuleManifest { get; private set; }
        public string? BaselineManifest { get; private set; }
        public string? Out { get; private set; }

        public static BenchOptions Parse(string[] args)
        {
            var options = new BenchOptions();
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                int Number() => int.Parse(Next(), CultureInfo.InvariantCulture);
                switch (args[i])
                {
                    case "--orgs": options.Orgs = Number(); break;
                    case "--latency-ms": options.LatencyMs = Number(); break;
                    case "--throttle": options.Throttle = Number(); break;
                    case "--repeat": options.Repeat = Number(); break;
                    case "--iterations": options.Iterations = Number(); break;
                    case "--sf-logins": options.SfLogins = Number(); break;
                    case "--pwsh-starts": options.PwshStarts = Number(); break;
                    case "--oneshot-rounds": options.OneShotRounds = Number(); break;
                    case "--install-sf": options.InstallSf = true; break;
                    case "--mock": options.MockDll = Path.GetFullPath(Next()); break;
                    case "--module": options.ModuleManifest = Path.GetFullPath(Next()); break;
                    case "--baseline-module": options.BaselineManifest = Path.GetFullPath(Next()); break;
                    case "--out": options.Out = Path.GetFullPath(Next()); break;
                    case "-h":
                    case "--help": throw new ArgumentException(string.Empty);
                    default:
                        if (args[i].StartsWith("-", StringComparison.Ordinal)) throw new ArgumentException($"Unknown option {args[i]}.");
                        options.Parts.Add(args[i]);
                        break;
                }
            }

            var known = new[] { "all", "bulk", "store", "warm", "signing", "sfcli", "pwsh", "oneshot" };
            var unknown = options.Parts.Where(p => !known.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0) throw new ArgumentException($"Unknown part(s): {string.Join(", ", unknown)}.");
            if (options.Parts.Count == 0 || options.Parts.Contains("all"))
            {
                options.Parts.Clear();
                foreach (var part in known.Skip(1)) options.Parts.Add(part);
            }

            options.MockDll ??= Path.Combine(options.Repo, "tests", "MockSalesforce", "bin", "Release", "net10.0", "MockSalesforce.dll");
            options.ModuleManifest ??= Path.Combine(options.Repo, "out", "JwtAuth", "JwtAuth.psd1");
            return options;
        }

        public bool Runs(string part) => Parts.Contains(part);

        // The repository root: the first folder above this assembly that holds JwtAuth.sln.
        private static string FindRepo()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "JwtAuth.sln"))) return dir.FullName;
            }

            return Directory.GetCurrentDirectory();
        }
    }
}
