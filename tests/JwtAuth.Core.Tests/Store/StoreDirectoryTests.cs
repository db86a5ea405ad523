using JwtAuth.Core.Store;

namespace JwtAuth.Core.Tests.Store;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Changes process environment variables";
}

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class StoreDirectoryTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void JWTAUTH_HOME_wins_everywhere()
    {
        var home = Path.Combine(Path.GetTempPath(), "custom-store");
        foreach (var platform in Enum.GetValues<StoreDirectory.Platform>())
            Assert.Equal(home, StoreDirectory.Resolve(Env(("JWTAUTH_HOME", home), ("XDG_DATA_HOME", "/xdg")), platform, "/home/u", @"C:\Users\u\AppData\Local"));
    }

    [Fact]
    public void Linux_uses_XDG_DATA_HOME_then_local_share()
    {
        Assert.Equal(Path.Combine("/xdg/data", "JwtAuth"), StoreDirectory.Resolve(Env(("XDG_DATA_HOME", "/xdg/data")), StoreDirectory.Platform.Unix, "/home/u", null));
        Assert.Equal(Path.Combine("/home/u", ".local", "share", "JwtAuth"), StoreDirectory.Resolve(Env(), StoreDirectory.Platform.Unix, "/home/u", null));
        Assert.Equal(Path.Combine("/home/u", ".local", "share", "JwtAuth"), StoreDirectory.Resolve(Env(("XDG_DATA_HOME", "relative/dir")), StoreDirectory.Platform.Unix, "/home/u", null));
    }

    [Fact]
    public void MacOS_and_Windows_use_their_per_user_data_folders()
    {
        Assert.Equal(Path.Combine("/Users/u", "Library", "Application Support", "JwtAuth"), StoreDirectory.Resolve(Env(), StoreDirectory.Platform.MacOS, "/Users/u", null));
        Assert.Equal(Path.Combine(@"C:\Users\u\AppData\Local", "JwtAuth"), StoreDirectory.Resolve(Env(), StoreDirectory.Platform.Windows, null, @"C:\Users\u\AppData\Local"));
    }

    [Fact]
    public void Account_without_a_home_gets_a_typed_error_naming_the_variable_to_set()
    {
        var error = Assert.Throws<StoreException>(() => StoreDirectory.Resolve(Env(), StoreDirectory.Platform.Unix, "", null));
        Assert.Equal(StoreErrorIds.DirectoryUnknown, error.ErrorId);
        Assert.Contains("JWTAUTH_HOME", error.Message);
    }

    [Fact]
    public void Real_resolution_honours_the_environment_variable()
    {
        var previous = Environment.GetEnvironmentVariable("JWTAUTH_HOME");
        var folder = Path.Combine(Path.GetTempPath(), "jwtauth-home-" + Guid.NewGuid().ToString("N"));
        try
        {
            Environment.SetEnvironmentVariable("JWTAUTH_HOME", folder);
            Assert.Equal(folder, StoreDirectory.Resolve());
            Assert.Equal(folder, OrgAuthStore.OpenDefault().DirectoryPath);
        }
        finally
        {
            Environment.SetEnvironmentVariable("JWTAUTH_HOME", previous);
        }
    }
}
