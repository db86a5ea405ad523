namespace JwtAuth.Core.Tests.Keys;

/// <summary>
/// A fact about permission denials: it runs only where Unix permission bits are enforced for this process,
/// found by probing a mode-000 file (root, or a process with CAP_DAC_OVERRIDE, reads it anyway and the test is skipped).
/// </summary>
public sealed class PermissionsEnforcedFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Enforced = new(Probe);

    public PermissionsEnforcedFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Unix permission bits only";
        else if (!Enforced.Value) Skip = "this process reads files regardless of their permission bits (root)";
    }

    private static bool Probe()
    {
        if (OperatingSystem.IsWindows()) return false;
        var path = Path.Combine(Path.GetTempPath(), "jwtauth-perm-probe-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, "x");
        try
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
            try
            {
                File.ReadAllBytes(path);
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return true;
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
