#if NET8_0_OR_GREATER
using System.Reflection;
using System.Runtime.Loader;

namespace JwtAuth.Loading
{
    /// <summary>
    /// PowerShell 7: JwtAuth.Core, Microsoft.IdentityModel.* and Newtonsoft.Json load here, so another
    /// module holding other versions of them (Az, Microsoft.Graph, PnP) neither breaks us nor is broken.
    /// Anything we do not ship (the framework, the engine) falls through to the default context.
    /// Each assembly comes from the ReadyToRun images for this runtime and platform when the module has them
    /// (the first connect then runs precompiled code instead of JIT-compiling it), else from the plain folder.
    /// </summary>
    internal sealed class IsolatedLoadContext : AssemblyLoadContext
    {
        public static readonly IsolatedLoadContext Instance = new IsolatedLoadContext(ReadyToRunImages.FolderForThisProcess(DependencyFolder.Edition));

        private readonly string? _images;

        private IsolatedLoadContext(string? images) : base("JwtAuth", isCollectible: false)
        {
            _images = images;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = (_images is null ? null : DependencyFolder.Find(_images, assemblyName)) ?? DependencyFolder.Find(DependencyFolder.Plain, assemblyName);
            return path is null ? null : LoadFromAssemblyPath(path);
        }
    }
}
#endif
