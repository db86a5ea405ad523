using JwtAuth.Core.Service;
using JwtAuth.Core.Store;
using JwtAuth.Core.Tests.Store;

namespace JwtAuth.Core.Tests.Service;

/// <summary>Listings and completion in natural order: orgs with an alias by alias, then the others by username; numbers by value.</summary>
public sealed class ListingOrderTests
{
    [Fact]
    public async Task Orgs_are_listed_by_alias_in_natural_order_then_those_without_one_by_username()
    {
        await using var h = await ServiceFixture.StartAsync();
        // Saved so that neither username order nor save order is the expected order.
        h.Persisted.Save(SampleAuths.For("a-user10@example.com"));
        h.Persisted.Save(SampleAuths.For("b@example.com", alias: "scratch10"));
        h.Persisted.Save(SampleAuths.For("a-user2@example.com"));
        h.Persisted.Save(SampleAuths.For("c@example.com", alias: "scratch2"));
        h.Persisted.Save(SampleAuths.For("d@example.com", alias: "Scratch1"));
        h.Process.Save(SampleAuths.For("a@example.com", alias: "hub"));

        var listed = h.Service.List(null, false, false).Auths.Select(v => v.Auth.Alias ?? v.Auth.Username);

        Assert.Equal(new[] { "hub", "Scratch1", "scratch2", "scratch10", "a-user2@example.com", "a-user10@example.com" }, listed);
        Assert.Equal(new[] { "Scratch1", "scratch2", "scratch10" },
            h.Service.List(new[] { "scratch*" }, false, false).Auths.Select(v => v.Auth.Alias));
    }

    [Fact]
    public async Task Completion_offers_aliases_then_usernames_each_in_natural_order()
    {
        await using var h = await ServiceFixture.StartAsync();
        h.Persisted.Save(SampleAuths.For("ci10@example.com", alias: "s10"));
        h.Persisted.Save(SampleAuths.For("ci2@example.com", alias: "s2"));
        h.Persisted.Save(SampleAuths.For("ci2@example.com", alias: "b1"));

        Assert.Equal(new[] { "b1", "s2", "s10", "ci2@example.com", "ci10@example.com" }, h.Service.CompletionNames());
    }

    [Theory]
    [InlineData("scratch2", "scratch10")]
    [InlineData("a", "a1")]
    [InlineData("a1", "b")]
    [InlineData("Scratch1", "scratch2")]
    [InlineData("x9", "x0010")]
    [InlineData("v1.2", "v1.10")]
    [InlineData("n99999999999999999999", "n100000000000000000000")]
    [InlineData("a-1", "a1")]
    public void Natural_order_compares_digit_runs_by_value_and_letters_ignoring_case(string before, string after)
    {
        Assert.True(NaturalOrder.Instance.Compare(before, after) < 0, $"{before} < {after}");
        Assert.True(NaturalOrder.Instance.Compare(after, before) > 0, $"{after} > {before}");
    }

    [Fact]
    public void Natural_order_is_total_names_that_differ_only_in_case_or_leading_zeros_still_have_an_order()
    {
        Assert.Equal(0, NaturalOrder.Instance.Compare("same", "same"));
        Assert.NotEqual(0, NaturalOrder.Instance.Compare("Prod", "prod"));
        Assert.NotEqual(0, NaturalOrder.Instance.Compare("x01", "x1"));
        Assert.Equal(-Math.Sign(NaturalOrder.Instance.Compare("x01", "x1")), Math.Sign(NaturalOrder.Instance.Compare("x1", "x01")));
        Assert.True(NaturalOrder.Instance.Compare(null, "a") < 0);
    }
}
