using MockSalesforce.Model;

namespace JwtAuth.Core.Tests.Mock;

public class SalesforceIdTests
{
    [Fact]
    public void ChecksumMatchesSalesforcesPublishedExample() =>
        Assert.Equal("001A0000006Vm9rIAC", SalesforceId.WithChecksum("001A0000006Vm9r"));

    [Theory]
    [InlineData("00D")]
    [InlineData("005")]
    public void NewIdsHaveThePrefixAndAValidChecksum(string prefix)
    {
        string id = SalesforceId.New(prefix);

        Assert.Equal(18, id.Length);
        Assert.True(SalesforceId.IsValid(id, prefix));
        Assert.False(SalesforceId.IsValid(id[..17] + (id[17] == 'A' ? 'B' : 'A'), prefix));
    }
}
