using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.AccessControl;
using System.Security.Principal;

namespace JwtAuth.Core.IO
{
    /// <summary>
    /// Restricts files and folders to the current user: mode 0600/0700 on Unix, and on Windows an
    /// ACL that grants only the current user, with inheritance from the parent folder cut.
    /// </summary>
    public static class OwnerOnlyAccess
    {
#if NET8_0_OR_GREATER
        [System.Runtime.Versioning.SupportedOSPlatformGuard("windows")]
        public static bool IsWindows => OperatingSystem.IsWindows();
#else
        public static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
#endif

        public static void RestrictFile(string path)
        {
            if (IsWindows)
            {
                var security = new FileSecurity();
                security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
                security.AddAccessRule(new FileSystemAccessRule(CurrentUser(), FileSystemRights.FullControl, AccessControlType.Allow));
                SetFileAcl(path, security);
            }
            else
            {
                SetUnixMode(path, directory: false);
            }
        }

        private static void RestrictDirectory(string path)
        {
            if (IsWindows)
            {
                var security = new DirectorySecurity();
                security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
                security.AddAccessRule(new FileSystemAccessRule(CurrentUser(), FileSystemRights.FullControl,
                    InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit, PropagationFlags.None, AccessControlType.Allow));
                SetDirectoryAcl(path, security);
            }
            else
            {
                SetUnixMode(path, directory: true);
            }
        }

        /// <summary>
        /// Opens a file that, when this call creates it, is owner-only from its first byte on Unix (no window in
        /// which another user could open it). On Windows the caller restricts it with <see cref="RestrictFile"/>.
        /// </summary>
        public static FileStream OpenFile(string path, FileMode mode, FileAccess access)
        {
#if NET8_0_OR_GREATER
            if (!OperatingSystem.IsWindows())
            {
                return new FileStream(path, new FileStreamOptions
                {
                    Mode = mode,
                    Access = access,
                    Share = FileShare.None,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
            }
#endif
            return new FileStream(path, mode, access, FileShare.None);
        }

        /// <summary>Creates the folder (and parents) if missing; a folder we create is owner-only.</summary>
        public static void EnsureOwnerOnlyDirectory(string path)
        {
            if (Directory.Exists(path)) return;
            Directory.CreateDirectory(path);
            RestrictDirectory(path);
        }

#if NET8_0_OR_GREATER
        [System.Runtime.Versioning.SupportedOSPlatform("windows")]
#endif
        private static SecurityIdentifier CurrentUser()
        {
            using var identity = WindowsIdentity.GetCurrent();
            return identity.User ?? throw new InvalidOperationException("The current Windows user has no SID.");
        }

#if NET8_0_OR_GREATER
        [System.Runtime.Versioning.SupportedOSPlatform("windows")]
        private static void SetFileAcl(string path, FileSecurity security) => new FileInfo(path).SetAccessControl(security);
        [System.Runtime.Versioning.SupportedOSPlatform("windows")]
        private static void SetDirectoryAcl(string path, DirectorySecurity security) => new DirectoryInfo(path).SetAccessControl(security);

        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        private static void SetUnixMode(string path, bool directory)
        {
            var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            if (directory) mode |= UnixFileMode.UserExecute;
            File.SetUnixFileMode(path, mode);
        }
#else
        private static void SetFileAcl(string path, FileSecurity security) => File.SetAccessControl(path, security);
        private static void SetDirectoryAcl(string path, DirectorySecurity security) => Directory.SetAccessControl(path, security);

        // Windows PowerShell 5.1 (net472) only runs on Windows.
        private static void SetUnixMode(string path, bool directory) =>
            throw new PlatformNotSupportedException("Unix file modes need the .NET 8 build of JwtAuth.");
#endif
    }
}
