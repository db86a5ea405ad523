using System;
using System.Reflection;

namespace JwtAuth.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1 keeps every module in one AppDomain and gives a module no config file for binding
    /// redirects, so our AssemblyResolve handler stands in for them. It is asked about every assembly any module
    /// fails to bind: it answers only for what we ship, and only with a version that can stand in for the one asked.
    /// </summary>
    internal static class AssemblyRequestPolicy
    {
        /// <summary>Whether <paramref name="shipped"/> (null: we ship no assembly of that name) may answer <paramref name="requested"/>.</summary>
        public static bool Serves(AssemblyName requested, ShippedAssembly? shipped)
        {
            if (shipped is null) return false;
            var ours = shipped.Identity;
            if (!string.Equals(requested.Name, ours.Name, StringComparison.OrdinalIgnoreCase)) return false;
            if (!SameCulture(requested, ours) || !SamePublicKeyToken(requested, ours)) return false;

            var wanted = requested.Version;
            if (wanted is null) return true;
            var have = ours.Version;
            // Never older than asked: the caller may use members that version lacks.
            if (have is null || wanted > have) return false;
            // Another major version may have removed or changed what the caller uses; only the redirects our own
            // assemblies need (found by the build) cross one.
            return wanted.Major == have.Major || shipped.RedirectsOlderVersions;
        }

        // A request without a culture asks for any; ours are all neutral.
        private static bool SameCulture(AssemblyName requested, AssemblyName ours) =>
            requested.CultureName is null || string.Equals(requested.CultureName, ours.CultureName ?? string.Empty, StringComparison.OrdinalIgnoreCase);

        // A request without a token asks for any; "PublicKeyToken=null" asks for an unsigned assembly.
        private static bool SamePublicKeyToken(AssemblyName requested, AssemblyName ours)
        {
            var wanted = requested.GetPublicKeyToken();
            if (wanted is null) return true;
            var have = ours.GetPublicKeyToken() ?? new byte[0];
            if (wanted.Length != have.Length) return false;
            for (var i = 0; i < wanted.Length; i++)
            {
                if (wanted[i] != have[i]) return false;
            }

            return true;
        }
    }
}
