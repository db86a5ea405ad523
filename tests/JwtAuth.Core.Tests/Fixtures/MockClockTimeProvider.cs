using MockSalesforce;

namespace JwtAuth.Core.Tests.Fixtures;

/// <summary>The client's clock = the mock's clock, so advancing the mock for replication keeps exp consistent.</summary>
internal sealed class MockClockTimeProvider(MockClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.UtcNow;
}
