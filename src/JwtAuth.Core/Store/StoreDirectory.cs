using System;
using System.IO;
using System.Runtime.InteropServices;
using JwtAuth.Core.Errors;

namespace JwtAuth.Core.Store
{
    /// <summary>Where the user's auth store lives.</summary>
    internal static class StoreDirectory
    {
        /// <summary>The environment variable that overrides the store folder.</summary>
        public const string HomeVariable = "JWTAUTH_HOME";

        /// <summary>
        /// <c>$JWTAUTH_HOME</c> when set; else on Windows <c>%LOCALAPPDATA%\JwtAuth</c>, on macOS
        /// <c>~/Library/Application Support/JwtAuth</c>, elsewhere <c>$XDG_DATA_HOME/JwtAuth</c> or <c>~/.local/share/JwtAuth</c>.
        /// </summary>
        public static string Resolve() => Resolve(Environment.GetEnvironmentVariable, CurrentPlatform(),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData));

        internal enum Platform { Windows, MacOS, Unix }

        internal static string Resolve(Func<string, string?> environment, Platform platform, string? userHome, string? localAppData)
        {
            var overridden = environment(HomeVariable);
            if (!string.IsNullOrWhiteSpace(overridden)) return Path.GetFullPath(overridden!);

            switch (platform)
            {
                case Platform.Windows:
                    return Path.Combine(Require(localAppData, "LOCALAPPDATA"), "JwtAuth");
                case Platform.MacOS:
                    return Path.Combine(Require(userHome, "HOME"), "Library", "Application Support", "JwtAuth");
                default:
                    var xdg = environment("XDG_DATA_HOME");
                    // The XDG spec says relative values are invalid and must be ignored.
                    if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg!, "JwtAuth");
                    return Path.Combine(Require(userHome, "HOME"), ".local", "share", "JwtAuth");
            }
        }

        private static Platform CurrentPlatform()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return Platform.Windows;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return Platform.MacOS;
            return Platform.Unix;
        }

        private static string Require(string? folder, string name)
        {
            if (!string.IsNullOrWhiteSpace(folder)) return folder!;
            throw new StoreException(StoreErrorIds.DirectoryUnknown, JwtAuthErrorKind.ResourceUnavailable,
                $"The auth store folder cannot be found: this account has no {name} folder.",
                $"Set the {HomeVariable} environment variable to a folder only this account can write.", name);
        }
    }
}
