using System;
using System.Collections.Generic;
using System.Linq;

namespace JwtAuth.Bench.Reporting
{
    internal static class Stats
    {
        public static double Median(IEnumerable<double> values) => Percentile(values, 50);

        /// <summary>Nearest-rank percentile.</summary>
        public static double Percentile(IEnumerable<double> values, double percent)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0) return double.NaN;
            var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }

        public static string Spread(IReadOnlyCollection<double> values, string format = "0") =>
            values.Count <= 1 ? string.Empty : $" (min {values.Min().ToString(format)}, max {values.Max().ToString(format)}, n={values.Count})";
    }
}
