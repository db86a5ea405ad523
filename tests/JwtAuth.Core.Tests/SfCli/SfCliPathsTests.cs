using JwtAuth.Core.SfCli;

namespace JwtAuth.Core.Tests.SfCli;

public sealed class SfCliPathsTests
{
    [Fact]
    public void The_cli_files_sit_under_dot_sfdx_and_dot_sf_of_the_given_home()
    {
        var home = Path.Combine(Path.GetTempPath(), "some-home");
        var paths = new SfCliPaths(home);

        Assert.Equal(Path.Combine(home, ".sfdx", "admin@example.com.json"), paths.AuthFile("admin@example.com"));
        Assert.Equal(Path.Combine(home, ".sfdx", "alias.json"), paths.AliasFile);
        Assert.Equal(Path.Combine(home, ".sfdx", "sfdx-config.json"), paths.SfdxConfigFile);
        Assert.Equal(Path.Combine(home, ".sf", "config.json"), paths.SfConfigFile);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b@example.com")]
    public void A_username_that_cannot_name_a_file_is_refused(string username)
    {
        var e = Assert.Throws<SfCliException>(() => new SfCliPaths(Path.GetTempPath()).AuthFile(username));
        Assert.Equal(SfCliErrorIds.AuthIncomplete, e.ErrorId);
    }
}
