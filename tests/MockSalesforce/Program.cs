using MockSalesforce.Hosting;

namespace MockSalesforce;

/// <summary>Standalone entry point: serves until --lifetime-seconds (default 600) pass, shutdown is posted, or --parent-pid dies.</summary>
public static class Program
{
    /// <summary>Runs the mock; exit code 0 after a normal stop, 2 for bad arguments.</summary>
    public static int Main(string[] args)
    {
        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(CommandLine.Usage);
            return 2;
        }
        try
        {
            return StandaloneHost.RunAsync(commandLine).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or ArgumentException or System.Text.Json.JsonException
            or System.Security.Cryptography.CryptographicException)
        {
            Console.Error.WriteLine($"MockSalesforce could not start: {e.Message}");
            return 1;
        }
    }
}
