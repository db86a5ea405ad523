#if NET8_0_OR_GREATER
using System;
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

        private volatile string? _images;

        private IsolatedLoadContext(string? images) : base("JwtAuth", isCollectible: false)
        {
            _images = images;
        }

        /// <summary>The ReadyToRun folder this context loads from, or null when it loads the plain assemblies.</summary>
        public string? ImagesFolder => _images;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var images = _images;
            var image = images is null ? null : DependencyFolder.Find(images, assemblyName);
            if (image != null)
            {
                try
                {
                    return LoadFromAssemblyPath(image);
                }
                catch (BadImageFormatException)
                {
                    // An image for another platform (a copied or mislabelled folder): the plain assemblies always load.
                    _images = null;
                }
            }

            var plain = DependencyFolder.Find(DependencyFolder.Plain, assemblyName);
            return plain is null ? null : LoadFromAssemblyPath(plain);
        }
    }
}
#endif
