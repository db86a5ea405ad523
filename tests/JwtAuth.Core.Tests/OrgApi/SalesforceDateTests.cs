using JwtAuth.Core.OrgApi;

namespace JwtAuth.Core.Tests.OrgApi;

public class SalesforceDateTests
{
    [Theory]
    [InlineData("2026-12-01T00:00:00.000+0000", "2026-12-01T00:00:00+00:00")]
    [InlineData("2026-12-01T10:30:00.000-0500", "2026-12-01T15:30:00+00:00")]
    [InlineData("2026-12-01", "2026-12-01T00:00:00+00:00")]
    [InlineData("2026-12-01T00:00:00Z", "2026-12-01T00:00:00+00:00")]
    public void Salesforce_dates_parse_with_or_without_colon_offsets(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SalesforceDate.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a date")]
    public void Missing_or_bad_dates_are_null(string? text)
    {
        Assert.Null(SalesforceDate.Parse(text));
    }
}
