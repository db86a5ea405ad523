using System;
using System.IO;
using System.Runtime.InteropServices;

namespace JwtAuth.Loading
{
    /// <summary>
    /// Where the precompiled (ReadyToRun) copies of the dependencies are for one runtime and platform:
    /// ReadyToRun/net10.0-linux-x64 beside the plain Dependencies folder. An image is tied to both: .NET ignores
    /// code made for another major version, and an image for another OS or processor does not load at all.
    /// </summary>
    internal static class ReadyToRunImages
    {
        public const string FolderName = "ReadyToRun";

        /// <summary>The folder name for a runtime and platform, e.g. net10.0-win-x64; null for an OS we build no images for.</summary>
        public static string? PlatformFolder(int runtimeMajor, string? os, Architecture architecture) =>
            os is null ? null : $"net{runtimeMajor}.0-{os}-{architecture.ToString().ToLowerInvariant()}";

        /// <summary>The short OS name of runtime identifiers (win, linux, osx), or null for any other.</summary>
        public static string? CurrentOs()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return "win";
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return "linux";
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return "osx";
            return null;
        }

        /// <summary>The images for this process's runtime and platform under <paramref name="editionFolder"/>, or null when none were built for it.</summary>
        public static string? FolderForThisProcess(string editionFolder)
        {
            var platform = PlatformFolder(Environment.Version.Major, CurrentOs(), RuntimeInformation.ProcessArchitecture);
            if (platform is null) return null;
            var folder = Path.Combine(editionFolder, FolderName, platform);
            return Directory.Exists(folder) ? folder : null;
        }
    }
}
