using System.Globalization;

namespace MockSalesforce.Hosting;

/// <summary>The standalone process's arguments.</summary>
internal sealed class CommandLine
{
    public int Port { get; private set; }
    public string? ConfigPath { get; private set; }
    public int LatencyMs { get; private set; }
    public TimeSpan Lifetime { get; private set; } = TimeSpan.FromSeconds(600);
    public int? ParentPid { get; private set; }
    public TimeSpan? SessionLifetime { get; private set; }
    public TimeSpan? ReplicationDelay { get; private set; }
    public bool StrictExpiry { get; private set; }
    public bool EnableControlApi { get; private set; } = true;
    public TimeSpan? ScratchOrgProvisioningTime { get; private set; }
    public TimeSpan? DeployDuration { get; private set; }
    public int? ActiveScratchOrgLimit { get; private set; }
    public int? DailyScratchOrgLimit { get; private set; }

    public const string Usage =
        "Usage: MockSalesforce [--port N] [--config setup.json] [--latency-ms N] [--lifetime-seconds N (default 600)]\n" +
        "                      [--parent-pid N] [--session-seconds N] [--replication-delay-seconds N] [--strict-expiry] [--no-control-api]\n" +
        "                      [--scratch-provisioning-seconds N] [--deploy-seconds N] [--active-scratch-orgs N] [--daily-scratch-orgs N]";

    /// <summary>Parses the arguments; throws ArgumentException with the problem for bad ones.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            switch (name)
            {
                case "--port": result.Port = IntValue(args, ref i, 0, 65535); break;
                case "--config": result.ConfigPath = Value(args, ref i); break;
                case "--latency-ms": result.LatencyMs = IntValue(args, ref i, 0, 600_000); break;
                case "--lifetime-seconds": result.Lifetime = TimeSpan.FromSeconds(IntValue(args, ref i, 1, 86_400)); break;
                case "--parent-pid": result.ParentPid = IntValue(args, ref i, 1, int.MaxValue); break;
                case "--session-seconds": result.SessionLifetime = TimeSpan.FromSeconds(IntValue(args, ref i, 1, 86_400)); break;
                case "--replication-delay-seconds": result.ReplicationDelay = TimeSpan.FromSeconds(IntValue(args, ref i, 0, 86_400)); break;
                case "--strict-expiry": result.StrictExpiry = true; break;
                case "--no-control-api": result.EnableControlApi = false; break;
                case "--scratch-provisioning-seconds": result.ScratchOrgProvisioningTime = TimeSpan.FromSeconds(IntValue(args, ref i, 0, 86_400)); break;
                case "--deploy-seconds": result.DeployDuration = TimeSpan.FromSeconds(IntValue(args, ref i, 0, 86_400)); break;
                case "--active-scratch-orgs": result.ActiveScratchOrgLimit = IntValue(args, ref i, 0, 100_000); break;
                case "--daily-scratch-orgs": result.DailyScratchOrgLimit = IntValue(args, ref i, 0, 100_000); break;
                default: throw new ArgumentException($"Unknown argument '{name}'.");
            }
        }
        return result;
    }

    public MockOptions ToOptions()
    {
        var options = new MockOptions
        {
            Port = Port,
            LatencyMs = LatencyMs,
            StrictExpiry = StrictExpiry,
            EnableControlApi = EnableControlApi,
        };
        if (SessionLifetime is { } session) options.SessionLifetime = session;
        if (ReplicationDelay is { } replication) options.ReplicationDelay = replication;
        if (ScratchOrgProvisioningTime is { } provisioning) options.ScratchOrgProvisioningTime = provisioning;
        if (DeployDuration is { } deploy) options.DeployDuration = deploy;
        if (ActiveScratchOrgLimit is { } active) options.ActiveScratchOrgLimit = active;
        if (DailyScratchOrgLimit is { } daily) options.DailyScratchOrgLimit = daily;
        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count) throw new ArgumentException($"{args[i]} needs a value.");
        return args[++i];
    }

    private static int IntValue(IReadOnlyList<string> args, ref int i, int min, int max)
    {
        string name = args[i];
        string text = Value(args, ref i);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{text}'.");
        return value;
    }
}
