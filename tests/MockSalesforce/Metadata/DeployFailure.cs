using MockSalesforce.Common;

namespace MockSalesforce.Metadata;

/// <summary>
/// A component that fails whenever a deploy contains it, e.g. <c>new DeployFailure("settings/Security.settings",
/// "Security: You can't enable this setting in a scratch org")</c>. The file name is matched case-insensitively against
/// the path in the zip and the path inside its package folder; a trailing '*' matches a prefix.
/// </summary>
public sealed class DeployFailure : ICountedRule
{
    private readonly UseCount _uses;

    /// <summary>A failure for <paramref name="count"/> deploys (null, the default: every deploy).</summary>
    public DeployFailure(string fileName, string problem, int? count = null)
    {
        if (string.IsNullOrWhiteSpace(fileName)) throw new ArgumentException("A deploy failure needs the file name it applies to.", nameof(fileName));
        _uses = new UseCount(count, "deploy failure");
        FileName = fileName;
        Problem = problem;
    }

    /// <summary>The file it applies to (e.g. settings/Security.settings).</summary>
    public string FileName { get; }

    /// <summary>The problem text reported in componentFailures.</summary>
    public string Problem { get; }

    /// <summary>True when it applies to every deploy.</summary>
    public bool Forever => _uses.Forever;

    /// <summary>How many more deploys it applies to (ignored when <see cref="Forever"/>).</summary>
    public int Remaining => _uses.Remaining;

    bool ICountedRule.Pending => _uses.Pending;

    internal bool Matches(string zipPath, string packagePath) =>
        NamePattern.Matches(FileName, zipPath) || NamePattern.Matches(FileName, packagePath);

    bool ICountedRule.TryConsume() => _uses.TryConsume();

    /// <inheritdoc />
    public override string ToString() => $"DeployFailure {FileName}: {Problem}";
}
