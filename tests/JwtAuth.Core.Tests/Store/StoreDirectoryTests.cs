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

    public static TheoryData<string?, string, string?, string?, string> PerUserDataFolders => new()
    {
        // XDG_DATA_HOME, platform, home, local application data, expected store folder
        { "/xdg/data", nameof(StoreDirectory.Platform.Unix), "/home/u", null, Path.Combine("/xdg/data", "JwtAuth") },
        { null, nameof(StoreDirectory.Platform.Unix), "/home/u", null, Path.Combine("/home/u", ".local", "share", "JwtAuth") },
        { "relative/dir", nameof(StoreDirectory.Platform.Unix), "/home/u", null, Path.Combine("/home/u", ".local", "share", "JwtAuth") },
        { null, nameof(StoreDirectory.Platform.MacOS), "/Users/u", null, Path.Combine("/Users/u", "Library", "Application Support", "JwtAuth") },
        { null, nameof(StoreDirectory.Platform.Windows), null, @"C:\Users\u\AppData\Local", Path.Combine(@"C:\Users\u\AppData\Local", "JwtAuth") },
    };

    /// <summary>Linux takes an absolute XDG_DATA_HOME, else ~/.local/share; macOS and Windows their per-user data folders.</summary>
    [Theory]
    [MemberData(nameof(PerUserDataFolders))]
    public void Each_platform_uses_its_per_user_data_folder(string? xdgDataHome, string platform, string? home, string? localAppData,
        string expected)
    {
        var env = xdgDataHome is null ? Env() : Env(("XDG_DATA_HOME", xdgDataHome));

        Assert.Equal(expected, StoreDirectory.Resolve(env, Enum.Parse<StoreDirectory.Platform>(platform), home, localAppData));
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
