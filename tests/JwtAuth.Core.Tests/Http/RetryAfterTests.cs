using System.Net.Http.Headers;
using JwtAuth.Core.Http;

namespace JwtAuth.Core.Tests.Http;

public class RetryAfterTests
{
    [Fact]
    public void Retry_After_accepts_seconds_and_http_dates()
    {
        var now = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(12), HttpReply.RetryAfterFrom(RetryConditionHeaderValue.Parse("12"), now));
        Assert.Equal(TimeSpan.FromSeconds(90), HttpReply.RetryAfterFrom(RetryConditionHeaderValue.Parse("Sun, 22 Nov 2026 08:01:30 GMT"), now));
        Assert.Equal(TimeSpan.Zero, HttpReply.RetryAfterFrom(RetryConditionHeaderValue.Parse("Sun, 22 Nov 2026 07:00:00 GMT"), now));
        Assert.Null(HttpReply.RetryAfterFrom(null, now));
    }
}
