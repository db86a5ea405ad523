using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace JwtAuth.Bench.Runs
{
    /// <summary>What bench/one-shot-bench.sh printed: RESULT, SPLIT and LOAD lines.</summary>
    internal sealed class OneShotOutput
    {
        public Dictionary<string, List<(int Round, double WallMs, double CpuMs)>> Runs { get; } = new();

        public List<(double ImportMs, double ConnectMs, double TokenMs)> Splits { get; } = new();

        public string LoadAtStart { get; private set; } = "n/a";

        public string LoadAtEnd { get; private set; } = "n/a";

        public static OneShotOutput Parse(string stdout)
        {
            var output = new OneShotOutput();
            foreach (var parts in stdout.Split('\n').Select(l => l.Trim().Split(' ')))
            {
                switch (parts[0])
                {
                    case "RESULT" when parts.Length == 5:
                        if (!output.Runs.TryGetValue(parts[1], out var runs)) output.Runs[parts[1]] = runs = new();
                        runs.Add((int.Parse(parts[2], CultureInfo.InvariantCulture), Number(parts[3]), parts[4] == "-" ? double.NaN : Number(parts[4])));
                        break;
                    case "SPLIT" when parts.Length == 4:
                        output.Splits.Add((Number(parts[1]), Number(parts[2]), Number(parts[3])));
                        break;
                    case "LOAD" when parts.Length == 2:
                        if (output.LoadAtStart == "n/a") output.LoadAtStart = parts[1];
                        else output.LoadAtEnd = parts[1];
                        break;
                }
            }

            return output;
        }

        private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
    }
}
