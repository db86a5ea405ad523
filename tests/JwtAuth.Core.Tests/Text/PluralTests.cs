using System.Globalization;
using JwtAuth.Core.Text;

namespace JwtAuth.Core.Tests.Text;

public class PluralTests
{
    [Theory]
    [InlineData(0, "0 seconds")]
    [InlineData(1, "1 second")]
    [InlineData(2, "2 seconds")]
    [InlineData(-1, "-1 seconds")]
    public void Whole_counts(long count, string expected) => Assert.Equal(expected, Plural.Of(count, "second"));

    [Theory]
    [InlineData(1.0, "1 second")]
    [InlineData(1.04, "1 second")]
    [InlineData(0.5, "0.5 seconds")]
    [InlineData(1.5, "1.5 seconds")]
    [InlineData(30.0, "30 seconds")]
    public void The_number_as_printed_decides(double value, string expected)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            Assert.Equal(expected, Plural.Of(value, "second", "0.#"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
