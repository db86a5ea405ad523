using System.Globalization;

namespace JwtAuth.Core.Text
{
    /// <summary>
    /// A count with its unit for messages: "1 second", "2 seconds", "1 attempt", "0.5 seconds". The number as it is
    /// printed decides, so 1.04 printed with "0.#" is "1 second". Every unit JwtAuth prints takes a plain "s".
    /// </summary>
    public static class Plural
    {
        public static string Of(long count, string unit) =>
            count.ToString(CultureInfo.CurrentCulture) + " " + (count == 1 ? unit : unit + "s");

        /// <param name="format">How to print the number, e.g. "0.#" (current culture, as the rest of the message).</param>
        public static string Of(double value, string unit, string format)
        {
            var number = value.ToString(format, CultureInfo.CurrentCulture);
            var isOne = number == 1.0.ToString(format, CultureInfo.CurrentCulture);
            return number + " " + (isOne ? unit : unit + "s");
        }
    }
}
