using System.ComponentModel;
using System.Runtime.InteropServices;
using JwtAuth.Core.IO;

namespace JwtAuth.Core.SfCli
{
    /// <summary>
    /// Creates a folder only if it does not exist yet, as one atomic system call (mkdir / CreateDirectory):
    /// the primitive proper-lockfile builds its locks on. <see cref="System.IO.Directory.CreateDirectory(string)"/>
    /// cannot serve, since it succeeds when the folder already exists.
    /// </summary>
    internal static class LockDirectory
    {
        private const int UnixEExist = 17;              // EEXIST on Linux and macOS
        private const int WindowsAlreadyExists = 183;   // ERROR_ALREADY_EXISTS

        /// <summary>True when this call created the folder; false when it already existed.</summary>
        public static bool TryCreate(string path)
        {
            if (OwnerOnlyAccess.IsWindows)
            {
                if (CreateDirectoryW(path, System.IntPtr.Zero)) return true;
                var error = Marshal.GetLastWin32Error();
                if (error == WindowsAlreadyExists) return false;
                throw new Win32Exception(error);
            }

            if (mkdir(path, 0x1C0 /* 0700 */) == 0) return true;
            var errno = Marshal.GetLastWin32Error();
            // The folder being there is the answer whatever errno says: run from the module's ReadyToRun images, errno
            // after a failed mkdir is not this call's (EEXIST reads as ENOENT), and a held lock must mean "wait", not an error.
            if (errno == UnixEExist || System.IO.Directory.Exists(path)) return false;
            throw new Win32Exception(errno);
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int mkdir([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

        [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static extern bool CreateDirectoryW(string path, System.IntPtr securityAttributes);
    }
}
