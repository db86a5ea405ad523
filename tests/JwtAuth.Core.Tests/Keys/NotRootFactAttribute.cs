namespace JwtAuth.Core.Tests.Keys;

/// <summary>A fact that only means something when file permissions apply, i.e. not as root (root reads every file).</summary>
public sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (!OperatingSystem.IsWindows() && Environment.UserName == "root")
            Skip = "runs as root, which reads files regardless of their permission bits";
    }
}
