using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace JwtAuth.Loading
{
    /// <summary>One assembly of the Desktop Dependencies folder, as the build listed it.</summary>
    internal sealed class ShippedAssembly
    {
        public ShippedAssembly(AssemblyName identity, bool redirectsOlderVersions)
        {
            Identity = identity;
            RedirectsOlderVersions = redirectsOlderVersions;
        }

        public AssemblyName Identity { get; }

        /// <summary>
        /// Our own assemblies were built against older versions of this one, so an application would carry a binding
        /// redirect for it (System.Memory asks for System.Runtime.CompilerServices.Unsafe 4.0.4.1; we ship 6.0.0.0).
        /// </summary>
        public bool RedirectsOlderVersions { get; }
    }

    /// <summary>
    /// The list the build writes beside the Desktop dependencies: one assembly display name per line, followed by a
    /// tab and "redirect" for the assemblies that MSBuild found referenced at other versions within the set.
    /// </summary>
    internal sealed class ShippedAssemblies
    {
        public const string FileName = "assemblies.txt";
        public const string RedirectMark = "redirect";

        private readonly Dictionary<string, ShippedAssembly> _byName;

        private ShippedAssemblies(Dictionary<string, ShippedAssembly> byName)
        {
            _byName = byName;
        }

        public int Count => _byName.Count;

        public ShippedAssembly? Find(string? name) =>
            name != null && _byName.TryGetValue(name, out var shipped) ? shipped : null;

        /// <summary>Lines starting with # and blank lines are skipped.</summary>
        public static ShippedAssemblies Parse(IEnumerable<string> lines)
        {
            var byName = new Dictionary<string, ShippedAssembly>(StringComparer.OrdinalIgnoreCase);
            foreach (var raw in lines)
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#') continue;
                var fields = line.Split('\t');
                var identity = new AssemblyName(fields[0].Trim());
                var redirects = fields.Length > 1 && string.Equals(fields[1].Trim(), RedirectMark, StringComparison.OrdinalIgnoreCase);
                if (!string.IsNullOrEmpty(identity.Name)) byName[identity.Name!] = new ShippedAssembly(identity, redirects);
            }

            return new ShippedAssemblies(byName);
        }

        /// <summary>
        /// The list in <paramref name="folder"/>; an empty one (nothing is served) when the file is missing, unreadable
        /// or damaged: the resolver is asked about every failed bind in the process and must not throw.
        /// </summary>
        public static ShippedAssemblies Read(string folder)
        {
            var path = Path.Combine(folder, FileName);
            try
            {
                return Parse(File.Exists(path) ? File.ReadAllLines(path) : new string[0]);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
            {
                return Parse(new string[0]);
            }
        }
    }
}
