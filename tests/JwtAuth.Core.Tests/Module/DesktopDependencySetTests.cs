using System.Reflection;
using JwtAuth.Loading;

namespace JwtAuth.Core.Tests.Module;

/// <summary>
/// The staged Desktop folder as Windows PowerShell 5.1 would bind it: the list the build wrote matches the files, and
/// every reference our own assemblies make to one another is answered by the resolver (else 5.1 fails to load it).
/// </summary>
public class DesktopDependencySetTests
{
    private static readonly string Edition = Path.Combine(StagedModule.Root, "Desktop");
    private static readonly string Folder = Path.Combine(Edition, "Dependencies");

    private static IReadOnlyList<AssemblyFile> Shipped() =>
        Directory.GetFiles(Folder, "*.dll").Select(AssemblyFile.Read).ToList();

    [Fact]
    public void The_list_names_each_shipped_file_with_its_identity()
    {
        var list = ShippedAssemblies.Read(Folder);
        var files = Shipped();
        Assert.Equal(files.Count, list.Count);
        foreach (var file in files)
        {
            var entry = list.Find(file.Identity.Name);
            Assert.NotNull(entry);
            Assert.Equal(file.Identity.FullName, entry!.Identity.FullName);
            Assert.Equal(file.Identity.Name + ".dll", Path.GetFileName(file.Path));
        }
    }

    [Fact]
    public void Every_reference_within_the_set_is_served()
    {
        var list = ShippedAssemblies.Read(Folder);
        var referrers = Shipped().Append(AssemblyFile.Read(Path.Combine(Edition, "JwtAuth.dll")));
        var checkedReferences = 0;
        foreach (var referrer in referrers)
        {
            foreach (var reference in referrer.References.Where(r => list.Find(r.Name) != null))
            {
                Assert.True(AssemblyRequestPolicy.Serves(reference, list.Find(reference.Name)),
                    $"{Path.GetFileName(referrer.Path)} references {reference.FullName}, which the resolver would refuse ({list.Find(reference.Name)!.Identity.FullName} is shipped).");
                checkedReferences++;
            }
        }

        Assert.True(checkedReferences > 20, $"only {checkedReferences} references within the set were found");
    }

    [Fact]
    public void Only_the_names_our_own_set_references_at_another_version_redirect()
    {
        var list = ShippedAssemblies.Read(Folder);
        var files = Shipped().Append(AssemblyFile.Read(Path.Combine(Edition, "JwtAuth.dll"))).ToList();
        var referencedAtOtherVersions = files.SelectMany(f => f.References)
            .Where(r => list.Find(r.Name) is { } shipped && r.Version != shipped.Identity.Version)
            .Select(r => r.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files.Where(f => list.Find(f.Identity.Name) != null))
            Assert.Equal(referencedAtOtherVersions.Contains(file.Identity.Name!), list.Find(file.Identity.Name)!.RedirectsOlderVersions);
        // The case that needs it today: System.Memory 4.5.5 asks for System.Runtime.CompilerServices.Unsafe 4.0.4.1, we ship 6.0.0.0.
        Assert.Contains("System.Runtime.CompilerServices.Unsafe", referencedAtOtherVersions);
    }
}
