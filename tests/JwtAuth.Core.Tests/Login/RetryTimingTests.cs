using JwtAuth.Core.Login;

namespace JwtAuth.Core.Tests.Login;

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
}
