using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace JwtAuth.Core.Tests.Module;

/// <summary>An assembly file read as metadata only: its identity, what it references, and whether it holds ReadyToRun code.</summary>
public sealed class AssemblyFile
{
    private AssemblyFile(string path, AssemblyName identity, IReadOnlyList<AssemblyName> references, Guid mvid, bool isReadyToRun, Machine machine)
    {
        Path = path;
        Identity = identity;
        References = references;
        Mvid = mvid;
        IsReadyToRun = isReadyToRun;
        Machine = machine;
    }

    public string Path { get; }

    public AssemblyName Identity { get; }

    public IReadOnlyList<AssemblyName> References { get; }

    public Guid Mvid { get; }

    /// <summary>Precompiled code is present (the CLI header's managed native header: a ReadyToRun image).</summary>
    public bool IsReadyToRun { get; }

    /// <summary>The COFF machine field; ReadyToRun images for Linux and macOS XOR it with an OS value.</summary>
    public Machine Machine { get; }

    public static AssemblyFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h).GetAssemblyName()).ToList();
        var mvid = metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
        var isReadyToRun = pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
        return new AssemblyFile(path, metadata.GetAssemblyDefinition().GetAssemblyName(), references, mvid, isReadyToRun, pe.PEHeaders.CoffHeader.Machine);
    }
}
