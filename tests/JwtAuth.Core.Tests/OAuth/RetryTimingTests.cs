using System.Net.Http.Headers;
using JwtAuth.Core.OAuth;

namespace JwtAuth.Core.Tests.OAuth;

public class RetryTimingTests
{
    private static readonly TimeSpan One = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 0.0, 1.0)]
    [InlineData(2, 0.0, 2.0)]
    [InlineData(3, 0.0, 4.0)]
    [InlineData(3, 0.999, 4.999)]
    [InlineData(10, 0.5, 30.0)]
    public void Transport_backoff_doubles_with_up_to_a_quarter_jitter_and_is_capped(int retry, double jitter, double expectedSeconds)
    {
        Assert.Equal(expectedSeconds, RetryTiming.Transport(retry, One, Cap, jitter).TotalSeconds, 3);
    }

    [Fact]
    public void Replication_backoff_is_5_10_20_then_30()
    {
        var waits = Enumerable.Range(1, 6).Select(i => RetryTiming.Replication(i, TimeSpan.FromSeconds(5), Cap).TotalSeconds);
        Assert.Equal(new double[] { 5, 10, 20, 30, 30, 30 }, waits);
    }

    [Fact]
    public void Retry_After_accepts_seconds_and_http_dates()
    {
        var now = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(12), RetryTiming.FromRetryAfter(RetryConditionHeaderValue.Parse("12"), now));
        Assert.Equal(TimeSpan.FromSeconds(90), RetryTiming.FromRetryAfter(RetryConditionHeaderValue.Parse("Sun, 22 Nov 2026 08:01:30 GMT"), now));
        Assert.Equal(TimeSpan.Zero, RetryTiming.FromRetryAfter(RetryConditionHeaderValue.Parse("Sun, 22 Nov 2026 07:00:00 GMT"), now));
        Assert.Null(RetryTiming.FromRetryAfter(null, now));
    }
}
