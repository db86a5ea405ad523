using JwtAuth.Core.Store;

namespace JwtAuth.Core.Tests.Store;

/// <summary>A fresh store folder under the temp directory, deleted with everything in it on dispose.</summary>
internal sealed class TempStoreFolder : IDisposable
{
    public TempStoreFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "jwtauth-store-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        StorePath = Path.Combine(Root, "JwtAuth");
    }

    /// <summary>The temp folder; the store folder is <see cref="StorePath"/> inside it (created by the store).</summary>
    public string Root { get; }

    public string StorePath { get; }

    public OrgAuthStore Open(TimeSpan? lockTimeout = null) => new OrgAuthStore(StorePath, lockTimeout ?? TimeSpan.FromSeconds(30));

    public string OrgFile(string username) => Path.Combine(StorePath, "orgs", username.ToLowerInvariant() + ".json");

    public string SettingsFile => Path.Combine(StorePath, "settings.json");

    public IEnumerable<string> AllFiles() =>
        Directory.Exists(StorePath) ? Directory.GetFiles(StorePath, "*", SearchOption.AllDirectories) : Enumerable.Empty<string>();

    /// <summary>Every store file but the lock files (which lockers create and never delete), with its bytes.</summary>
    public Dictionary<string, byte[]> FilesExceptLocks() =>
        AllFiles().Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).ToDictionary(f => f, File.ReadAllBytes);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
