using System;
using System.Management.Automation;
using System.Reflection;
#if NET8_0_OR_GREATER
using System.Runtime.Loader;
#endif

namespace JwtAuth.Loading
{
    /// <summary>
    /// Runs when the module is imported: teaches the runtime where JwtAuth.Core lives, and nothing more.
    /// The cmdlet classes mention core types only inside method bodies, so nothing from the core is needed
    /// before this handler is in place; which folder the core comes from is decided when it is first needed.
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
        private static readonly Lazy<ShippedAssemblies> Shipped = new Lazy<ShippedAssemblies>(() => ShippedAssemblies.Read(DependencyFolder.Plain));

        // Windows PowerShell 5.1 has one AppDomain for every module: a request is answered from our folder only when
        // it asks for an assembly we ship at a version ours can stand in for (AssemblyRequestPolicy).
        private static Assembly? ResolveFromDependencyFolder(object sender, ResolveEventArgs args)
        {
            AssemblyName requested;
            try
            {
                requested = new AssemblyName(args.Name);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is System.IO.FileLoadException)
            {
                return null;
            }

            if (!AssemblyRequestPolicy.Serves(requested, Shipped.Value.Find(requested.Name))) return null;
            var path = DependencyFolder.Find(DependencyFolder.Plain, requested);
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
