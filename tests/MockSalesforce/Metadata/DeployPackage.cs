using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace MockSalesforce.Metadata;

/// <summary>
/// What a deploy zip holds, checked as the Metadata API does: a package.xml (at the root or in a top-level folder)
/// naming the components, each named file present, settings files with the root element their name implies.
/// </summary>
internal sealed class DeployPackage
{
    private const string MetadataNamespace = "http://soap.sforce.com/2006/04/metadata";

    private DeployPackage(IReadOnlyList<string> entryNames, IReadOnlyList<DeployMessage> successes, IReadOnlyList<DeployMessage> failures, bool usable)
    {
        EntryNames = entryNames;
        Successes = successes;
        Failures = failures;
        Usable = usable;
    }

    /// <summary>The paths in the zip (empty when it is not a zip).</summary>
    public IReadOnlyList<string> EntryNames { get; }

    /// <summary>Components that deploy (package.xml first, as Salesforce lists it).</summary>
    public IReadOnlyList<DeployMessage> Successes { get; }

    /// <summary>Components that fail.</summary>
    public IReadOnlyList<DeployMessage> Failures { get; }

    /// <summary>False when there is no readable zip or package.xml: nothing can deploy.</summary>
    public bool Usable { get; }

    /// <summary>Components other than package.xml.</summary>
    public int ComponentCount => Successes.Count + Failures.Count - (Usable ? 1 : 0);

    /// <summary>Components other than package.xml that deploy.</summary>
    public int DeployableCount => Successes.Count - (Usable ? 1 : 0);

    public static DeployPackage Inspect(byte[] zip, bool allowMissingFiles, Func<string, string, DeployFailure?> configuredFailure)
    {
        Dictionary<string, byte[]> files;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/'))) files[entry.FullName.Replace('\\', '/')] = ReadEntry(entry);
        }
        catch (InvalidDataException)
        {
            return Unusable(Array.Empty<string>(), "", "The deployed file is not a valid zip file.");
        }
        var names = files.Keys.ToArray();
        string? manifest = names.FirstOrDefault(n => n == "package.xml")
            ?? names.FirstOrDefault(n => n.Count(c => c == '/') == 1 && n.EndsWith("/package.xml", StringComparison.Ordinal));
        if (manifest is null) return Unusable(names, "package.xml", "No package.xml found");
        string root = manifest[..^"package.xml".Length];

        XDocument package;
        try
        {
            package = XDocument.Parse(System.Text.Encoding.UTF8.GetString(files[manifest]));
        }
        catch (XmlException e)
        {
            return Unusable(names, manifest, $"Error parsing file: {e.Message}");
        }
        XNamespace ns = MetadataNamespace;
        if (package.Root?.Name != ns + "Package")
            return Unusable(names, manifest, $"Error parsing file: the root element must be {{{MetadataNamespace}}}Package");

        var successes = new List<DeployMessage> { new("", "package.xml", manifest, true) };
        var failures = new List<DeployMessage>();
        foreach (var types in package.Root.Elements(ns + "types"))
        {
            string type = types.Element(ns + "name")?.Value.Trim() ?? "";
            foreach (var member in types.Elements(ns + "members").Select(m => m.Value.Trim()))
            {
                string? relative = FileOf(type, member);
                string path = relative is null ? manifest : root + relative;
                string? problem = relative is null ? null
                    : !files.TryGetValue(path, out var content)
                        ? allowMissingFiles ? null : $"An object '{member}' of type {type} was named in package.xml, but was not found in zipped directory"
                        : ContentProblem(type, member, content);
                if (problem is null && relative is not null && configuredFailure(path, relative) is { } failure) problem = failure.Problem;
                (problem is null ? successes : failures).Add(new DeployMessage(type, member, path, problem is null, problem));
            }
        }
        return new DeployPackage(names, successes, failures, usable: true);
    }

    /// <summary>Where a component's file lives inside its package folder, for the types whose layout the mock knows.</summary>
    private static string? FileOf(string type, string member) => type switch
    {
        "Settings" => $"settings/{member}.settings",
        "CustomObject" => $"objects/{member}.object",
        "ApexClass" => $"classes/{member}.cls",
        _ => null, // RecordType, BusinessProcess and the rest live inside other files: not checked
    };

    private static string? ContentProblem(string type, string member, byte[] content)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(content));
        }
        catch (XmlException e)
        {
            return type == "ApexClass" ? null : $"Error parsing file: {e.Message}";
        }
        if (type != "Settings") return null;
        XName expected = XName.Get(member + "Settings", MetadataNamespace);
        var actual = document.Root!.Name;
        return actual == expected ? null
            : $"Error parsing file: Element {{{actual.NamespaceName}}}{actual.LocalName} invalid at this location in type {expected.LocalName}";
    }

    private static DeployPackage Unusable(IReadOnlyList<string> names, string fileName, string problem) =>
        new(names, Array.Empty<DeployMessage>(), new[] { new DeployMessage("", "package.xml", fileName, false, problem) }, usable: false);

    private static byte[] ReadEntry(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
