using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace JwtAuth.Bench.Fixture
{
    /// <summary>
    /// The repository's pinned PowerShell (.config/dotnet-tools.json), started as dotnet + pwsh.dll as CI and the tests
    /// start it: never a pwsh that happens to be on PATH.
    /// </summary>
    internal sealed class PinnedPwsh
    {
        private PinnedPwsh(string engineDll, string version)
        {
            EngineDll = engineDll;
            Version = version;
        }

        public string EngineDll { get; }

        public string Version { get; }

        /// <summary>Restores the repository's tools and asks the pinned engine where it is; null (with the reason) when it cannot start.</summary>
        public static PinnedPwsh? Find(string repo, out string reason)
        {
            var restore = ChildProcess.Run("dotnet", new[] { "tool", "restore" }, echo: false, workingDirectory: repo);
            if (restore.ExitCode != 0)
            {
                reason = "dotnet tool restore failed: " + restore.Stderr.Trim();
                return null;
            }

            var probe = ChildProcess.Run("dotnet", new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command",
                "[IO.Path]::Combine($PSHOME, 'pwsh.dll'); $PSVersionTable.PSVersion.ToString()" }, echo: false, workingDirectory: repo);
            var lines = probe.Stdout.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (probe.ExitCode != 0 || lines.Count < 2 || !File.Exists(lines[^2]))
            {
                reason = "the pinned PowerShell did not start: " + probe.Stderr.Trim();
                return null;
            }

            reason = string.Empty;
            return new PinnedPwsh(lines[^2], lines[^1]);
        }

        /// <summary>What to pass to dotnet: the engine, then its own arguments.</summary>
        public IEnumerable<string> Arguments(params string[] pwshArguments) => new[] { EngineDll }.Concat(pwshArguments);

        public (int ExitCode, string Stdout, string Stderr) Run(IEnumerable<string> pwshArguments, IDictionary<string, string>? environment = null) =>
            ChildProcess.Run("dotnet", new[] { EngineDll }.Concat(pwshArguments), environment, echo: false);
    }
}
