using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using JwtAuth.Core.ScratchOrgs;

namespace JwtAuth.Core.Tests.ScratchOrgs;

/// <summary>A settings package opened as a deploy would open it: the zip's entries in order, each as UTF-8 text.</summary>
internal sealed class PackageContents
{
    public static readonly XNamespace Metadata = "http://soap.sforce.com/2006/04/metadata";

    private PackageContents(List<(string Name, string Text)> entries) => Entries = entries;

    public List<(string Name, string Text)> Entries { get; }

    public IEnumerable<string> Names => Entries.Select(e => e.Name);

    public string this[string name] => Entries.Single(e => e.Name == name).Text;

    public XDocument Xml(string name) => XDocument.Parse(this[name], LoadOptions.PreserveWhitespace);

    public static PackageContents Of(SettingsPackage package)
    {
        using var archive = new ZipArchive(new MemoryStream(package.ToArray()), ZipArchiveMode.Read);
        var entries = new List<(string, string)>();
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            var content = bytes.ToArray();
            Assert.False(content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF, $"{entry.FullName} starts with a byte order mark");
            entries.Add((entry.FullName, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content)));
        }
        return new PackageContents(entries);
    }

    /// <summary>The package for a definition's <c>settings</c> and <c>objectSettings</c> JSON (either may be null).</summary>
    public static SettingsPackage Build(string? settings, string? objectSettings = null, string apiVersion = "65.0", bool capitalizeRecordTypes = true) =>
        SettingsPackage.Build(
            ScratchOrgSettings.From(settings is null ? null : Definitions.Json(settings), objectSettings is null ? null : Definitions.Json(objectSettings)),
            apiVersion, capitalizeRecordTypes);

    /// <summary>Expected file text written in a test: its lines joined with LF, ending with one.</summary>
    public static string Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";
}
