using JwtAuth.Core.Errors;
using JwtAuth.Core.Model;
using JwtAuth.Core.SfCli;
using Newtonsoft.Json;

namespace JwtAuth.InteropDriver;

/// <summary>
/// Commands: register-sfcli, list-sfcli, disconnect, print-home (see Usage). The Salesforce CLI's home is found
/// like the CLI finds it (HOME / USERPROFILE). Output is JSON on stdout; errors go to stderr as
/// "error &lt;ErrorId&gt;: message" with exit code 1 (2 for bad arguments).
/// </summary>
public static class Program
{
    private const string Usage =
        "JwtAuth.InteropDriver register-sfcli --username U --org-id ID --instance-url URL --login-url URL --client-id C --key-file K [--org-type T] [--alias A] [--set-default] [--set-default-dev-hub]\n" +
        "                      list-sfcli | disconnect --sfcli --org NAME | print-home";

    public static int Main(string[] args)
    {
        if (args.Length == 0) { Console.Error.WriteLine(Usage); return 2; }
        try
        {
            var a = new Arguments(args.Skip(1));
            var paths = SfCliPaths.ForCurrentUser();
            switch (args[0])
            {
                case "register-sfcli": return Print(RegisterOffline(paths, a));
                case "list-sfcli": return Print(new SfCliAuthReader(paths).ListOrgs());
                case "disconnect": return Print(new SfCliAuthRemover(paths).Remove(a.Required("org")));
                case "print-home": Console.WriteLine(SfCliPaths.ResolveHome()); return 0;
                default: throw new ArgumentException($"Unknown command '{args[0]}'.");
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (JwtAuthException e)
        {
            Console.Error.WriteLine($"error {e.ErrorId}: {e.Message}");
            return 1;
        }
    }

    /// <summary>Registers an org described on the command line, without logging in (for concurrency tests).</summary>
    private static SfCliRegistration RegisterOffline(SfCliPaths paths, Arguments a)
    {
        var auth = new OrgAuth
        {
            Username = a.Required("username"),
            OrgId = a.Required("org-id"),
            InstanceUrl = a.Required("instance-url"),
            LoginUrl = a.Required("login-url"),
            ClientId = a.Required("client-id"),
            OrgType = Enum.Parse<OrgType>(a.Optional("org-type") ?? nameof(OrgType.Unknown), ignoreCase: true),
        };
        return Register(paths, auth, a);
    }

    internal static SfCliRegistration Register(SfCliPaths paths, OrgAuth auth, Arguments a) =>
        new SfCliAuthRegistrar(paths).Register(auth, Path.GetFullPath(a.Required("key-file")), a.Optional("alias"), a.Flag("set-default"), a.Flag("set-default-dev-hub"));

    internal static int Print(object value)
    {
        Console.WriteLine(JsonConvert.SerializeObject(value, Formatting.Indented, new Newtonsoft.Json.Converters.StringEnumConverter()));
        return 0;
    }
}
