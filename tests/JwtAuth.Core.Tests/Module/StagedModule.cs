using System.Reflection;
using System.Runtime.InteropServices;

namespace JwtAuth.Core.Tests.Module;

/// <summary>
/// The staged module's cmdlet assembly read as metadata only (no PowerShell engine here: the engine
/// assembly we compile against is a reference assembly that cannot run).
/// </summary>
public sealed class StagedModule : IDisposable
{
    private readonly MetadataLoadContext _context;

    /// <summary>out/JwtAuth, as the build staged it.</summary>
    public static string Root => Metadata("StagedModuleDir");

    public StagedModule()
    {
        Directory = Root;
        var core = Path.Combine(Directory, "Core");
        var paths = new List<string>(System.IO.Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
        {
            Metadata("PowerShellReferenceAssembly"),
            Path.Combine(core, "JwtAuth.dll"),
        };
        paths.AddRange(System.IO.Directory.GetFiles(Path.Combine(core, "Dependencies"), "*.dll"));
        _context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        Cmdlets = _context.LoadFromAssemblyPath(Path.Combine(core, "JwtAuth.dll"));
    }

    public string Directory { get; }

    public Assembly Cmdlets { get; }

    public IEnumerable<Type> CmdletTypes => Cmdlets.GetTypes().Where(t => Attribute(t, "CmdletAttribute") != null);

    public static CustomAttributeData? Attribute(MemberInfo member, string name) =>
        member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == name);

    public static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string name) =>
        member.GetCustomAttributesData().Where(a => a.AttributeType.Name == name);

    public static string CmdletName(Type type)
    {
        var cmdlet = Attribute(type, "CmdletAttribute")!;
        return $"{cmdlet.ConstructorArguments[0].Value}-{cmdlet.ConstructorArguments[1].Value}";
    }

    public static object? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

    /// <summary>Public properties carrying [Parameter], with each [Parameter] attribute (one per parameter set).</summary>
    public static IEnumerable<(PropertyInfo Property, IReadOnlyList<CustomAttributeData> Sets)> Parameters(Type cmdlet) =>
        cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p, (IReadOnlyList<CustomAttributeData>)Attributes(p, "ParameterAttribute").ToList()))
            .Where(x => x.Item2.Count > 0);

    public static string SetName(CustomAttributeData parameter) => (string?)Named(parameter, "ParameterSetName") ?? "__AllParameterSets";

    private static string Metadata(string key) =>
        typeof(StagedModule).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public void Dispose() => _context.Dispose();
}
