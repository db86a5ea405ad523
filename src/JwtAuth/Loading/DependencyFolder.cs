using System.IO;
using System.Reflection;

namespace JwtAuth.Loading
{
    /// <summary>The folder beside the cmdlets assembly that holds JwtAuth.Core and its dependencies.</summary>
    internal static class DependencyFolder
    {
        public static readonly string Path = System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(typeof(DependencyFolder).Assembly.Location) ?? ".", "Dependencies");

        /// <summary>The file for an assembly name when the module ships it, else null.</summary>
        public static string? Find(AssemblyName name)
        {
            if (string.IsNullOrEmpty(name.Name)) return null;
            var candidate = System.IO.Path.Combine(Path, name.Name + ".dll");
            return File.Exists(candidate) ? candidate : null;
        }
    }
}
