using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace JwtAuth.Bench.Reporting
{
    /// <summary>What the results were measured on, and how busy it was (the machine may be shared).</summary>
    internal static class MachineInfo
    {
        public static string Describe()
        {
            var cpu = "unknown CPU";
            if (File.Exists("/proc/cpuinfo"))
            {
                cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
            }

            return $"{cpu}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}";
        }

        /// <summary>The 1/5/15-minute load averages, or "n/a" off Linux.</summary>
        public static string LoadAverage()
        {
            if (!File.Exists("/proc/loadavg")) return "n/a";
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"load average {parts[0]}, {parts[1]}, {parts[2]} (1/5/15 min)";
        }
    }
}
