#if NET8_0_OR_GREATER
using System.Reflection;
using System.Runtime.Loader;

namespace JwtAuth.Loading
{
    /// <summary>
    /// PowerShell 7: JwtAuth.Core, Microsoft.IdentityModel.* and Newtonsoft.Json load here, so another
    /// module holding other versions of them (Az, Microsoft.Graph, PnP) neither breaks us nor is broken.
    /// Anything we do not ship (the framework, the engine) falls through to the default context.
    /// </summary>
    internal sealed class IsolatedLoadContext : AssemblyLoadContext
    {
        public static readonly IsolatedLoadContext Instance = new IsolatedLoadContext();

        private IsolatedLoadContext() : base("JwtAuth", isCollectible: false)
        {
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = DependencyFolder.Find(assemblyName);
            return path is null ? null : LoadFromAssemblyPath(path);
        }
    }
}
#endif
