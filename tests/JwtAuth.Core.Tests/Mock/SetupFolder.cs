namespace JwtAuth.Core.Tests.Mock;

/// <summary>A temporary folder with app.crt and a setup.json for the standalone mock's --config; deleted on dispose.</summary>
internal sealed class SetupFolder : IDisposable
{
    private SetupFolder(string path) => Path = path;

    public string Path { get; }

    public string SetupJson => System.IO.Path.Combine(Path, "setup.json");

    /// <summary>Writes the certificate as app.crt (setup.json refers to it as "certificatePath": "app.crt") and the setup.</summary>
    public static async Task<SetupFolder> CreateAsync(string certificatePem, string setupJson)
    {
        var folder = new SetupFolder(Directory.CreateTempSubdirectory("mock-setup-").FullName);
        await File.WriteAllTextAsync(System.IO.Path.Combine(folder.Path, "app.crt"), certificatePem);
        await File.WriteAllTextAsync(folder.SetupJson, setupJson);
        return folder;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
