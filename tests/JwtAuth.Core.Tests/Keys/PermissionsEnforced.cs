using System.Runtime.InteropServices;

namespace JwtAuth.Core.Tests.Keys;

/// <summary>
/// Runs code where Unix permission bits apply even when the tests run as root (as CI does here): Linux
/// capabilities are per thread, so a dedicated thread drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH
/// from its effective set with capset(2) and runs the code there. The thread ends afterwards; no other
/// thread loses anything.
/// </summary>
public static class PermissionsEnforced
{
    private const uint CapabilityVersion3 = 0x20080522;
    private const int CapDacOverride = 1;
    private const int CapDacReadSearch = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct CapHeader
    {
        public uint Version;
        public int Pid;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct CapData
    {
        public uint Effective;
        public uint Permitted;
        public uint Inheritable;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int capget(ref CapHeader header, [Out] CapData[] data);

    [DllImport("libc", SetLastError = true)]
    private static extern int capset(ref CapHeader header, CapData[] data);

    /// <summary>Runs <paramref name="action"/> with permission checks in force and returns what it threw, if anything.</summary>
    public static Exception? Run(Action action)
    {
        Assert.False(OperatingSystem.IsWindows(), "Unix permission bits only");
        Exception? thrown = null;
        var thread = new Thread(() =>
        {
            try
            {
                if (OperatingSystem.IsLinux()) DropFileAccessOverride();
                action();
            }
            catch (Exception e)
            {
                thrown = e;
            }
        });
        thread.Start();
        thread.Join();
        return thrown;
    }

    private static void DropFileAccessOverride()
    {
        var header = new CapHeader { Version = CapabilityVersion3, Pid = 0 };
        var data = new CapData[2];
        if (capget(ref header, data) != 0) throw new InvalidOperationException("capget failed: " + Marshal.GetLastWin32Error());
        data[0].Effective &= ~((1u << CapDacOverride) | (1u << CapDacReadSearch));
        if (capset(ref header, data) != 0) throw new InvalidOperationException("capset failed: " + Marshal.GetLastWin32Error());
    }
}
