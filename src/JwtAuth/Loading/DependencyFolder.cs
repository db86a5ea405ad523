using System.IO;
using System.Reflection;

namespace JwtAuth.Loading
{
    /// <summary>
    /// The folders beside the cmdlets assembly that hold JwtAuth.Core and its dependencies: Dependencies (plain
    /// assemblies, loadable by any runtime of this edition) and, on PowerShell 7, ReadyToRun/&lt;runtime-platform&gt;.
    /// </summary>
    internal static class DependencyFolder
    {
        /// <summary>The edition's folder (Desktop or Core): where the cmdlets assembly is.</summary>
        public static readonly string Edition = Path.GetDirectoryName(typeof(DependencyFolder).Assembly.Location) ?? ".";

        public static readonly string Plain = Path.Combine(Edition, "Dependencies");

        /// <summary>The file for an assembly name when <paramref name="folder"/> holds it, else null.</summary>
        public static string? Find(string folder, AssemblyName name)
        {
            if (string.IsNullOrEmpty(name.Name)) return null;
            var candidate = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(candidate) ? candidate : null;
        }
    }
}
