using System;
using System.Management.Automation;
using System.Reflection;
#if NET8_0_OR_GREATER
using System.Runtime.Loader;
#endif

namespace JwtAuth.Loading
{
    /// <summary>
    /// Runs when the module is imported: teaches the runtime where JwtAuth.Core lives.
    /// The cmdlet classes mention core types only inside method bodies, so nothing from the
    /// core is needed before this handler is in place.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private const string CoreAssemblyName = "JwtAuth.Core";

        public void OnImport()
        {
#if NET8_0_OR_GREATER
            AssemblyLoadContext.Default.Resolving += ResolveCoreIntoIsolatedContext;
#else
            AppDomain.CurrentDomain.AssemblyResolve += ResolveFromDependencyFolder;
#endif
        }

        public void OnRemove(PSModuleInfo module)
        {
#if NET8_0_OR_GREATER
            AssemblyLoadContext.Default.Resolving -= ResolveCoreIntoIsolatedContext;
#else
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromDependencyFolder;
#endif
        }

#if NET8_0_OR_GREATER
        // Only the entry point into the core is routed here; its own dependencies are then
        // resolved by the isolated context itself, never by the default one.
        private static Assembly? ResolveCoreIntoIsolatedContext(AssemblyLoadContext context, AssemblyName name) =>
            string.Equals(name.Name, CoreAssemblyName, StringComparison.OrdinalIgnoreCase)
                ? IsolatedLoadContext.Instance.LoadFromAssemblyName(name)
                : null;
#else
        // Windows PowerShell 5.1 has one AppDomain for every module. A request for any assembly we ship
        // (at whatever version another assembly of ours was compiled against) is served from our folder,
        // which stands in for the binding redirects a module cannot have.
        private static Assembly? ResolveFromDependencyFolder(object sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            var path = DependencyFolder.Find(name);
            if (path is null) return null;
            foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
            {
                if (!loaded.IsDynamic && string.Equals(loaded.Location, path, StringComparison.OrdinalIgnoreCase))
                    return loaded;
            }
            return Assembly.LoadFrom(path);
        }
#endif
    }
}
