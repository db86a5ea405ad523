using JwtAuth.Core.Errors;
using JwtAuth.Core.Model;
using JwtAuth.Core.Login;
using JwtAuth.Core.SfCli;
using System.Security.Cryptography;
using Newtonsoft.Json;

namespace JwtAuth.InteropDriver;

/// <summary>
/// Commands: connect (JWT login through the core, then hand the org to the CLI), register-sfcli (hand over
/// without logging in), import (log in here to an org the CLI authorized by JWT), list-sfcli, disconnect, print-home. The Salesforce CLI's home is found
/// like the CLI finds it (HOME / USERPROFILE). Output is JSON on stdout; errors go to stderr as
/// "error &lt;ErrorId&gt;: message" with exit code 1 (2 for bad arguments).
/// </summary>
public static class Program
{
    private const string Usage =
        "JwtAuth.InteropDriver register-sfcli --username U --org-id ID --instance-url URL --login-url URL --client-id C --key-file K [--org-type T] [--alias A] [--set-default] [--set-default-dev-hub]\n" +
        "                      connect --sfcli --username U --client-id C --key-file K --login-url URL [--alias A] [--set-default] [--set-default-dev-hub]\n" +
        "                      import --org NAME | list-sfcli | disconnect --sfcli --org NAME | print-home";

    public static int Main(string[] args)
    {
        if (args.Length == 0) { Console.Error.WriteLine(Usage); return 2; }
        try
        {
            var a = new Arguments(args.Skip(1));
            var paths = SfCliPaths.ForCurrentUser();
            switch (args[0])
            {
                case "connect": return Print(Connect(paths, a));
                case "import": return Print(Import(paths, a.Required("org")));
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

    /// <summary>Logs in through the core's JWT client, then registers the org with the CLI.</summary>
    private static SfCliRegistration Connect(SfCliPaths paths, Arguments a)
    {
        if (!a.Flag("sfcli")) throw new ArgumentException("connect needs --sfcli here (this driver only tests the CLI hand-over).");
        var keyFile = Path.GetFullPath(a.Required("key-file"));
        var auth = Login(a.Required("username"), a.Required("client-id"), a.Required("login-url"), keyFile);
        return Register(paths, auth, a);
    }

    /// <summary>Logs in here with what the CLI stored for a JWT org; prints the login without its token.</summary>
    private static object Import(SfCliPaths paths, string usernameOrAlias)
    {
        var org = new SfCliAuthReader(paths).Find(usernameOrAlias)
            ?? throw new SfCliException(SfCliErrorIds.OrgNotFound, JwtAuthErrorKind.ObjectNotFound, $"The Salesforce CLI knows no org '{usernameOrAlias}'.", "Run list-sfcli.");
        if (!org.CanImport)
            throw new SfCliException("SfCliOrgNotImportable", JwtAuthErrorKind.InvalidOperation, $"'{org.Username}' cannot be imported: {org.CannotImportReason}", null, org.Username);
        var auth = Login(org.Username, org.ClientId!, org.LoginUrl ?? LoginUrlPolicy.DefaultLoginUrl, org.KeyFile!);
        return new { auth.Username, auth.OrgId, auth.InstanceUrl, auth.LoginUrl, OrgType = auth.OrgType.ToString(), Connected = !string.IsNullOrEmpty(auth.AccessToken) };
    }

    private static OrgAuth Login(string username, string clientId, string loginUrl, string keyFile)
    {
        using var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(keyFile));
        using var client = new SalesforceLoginClient();
        var request = new JwtLoginRequest { Username = username, ClientId = clientId, LoginUrl = loginUrl };
        return client.LoginAsync(request, key, KeyReference.File(keyFile)).GetAwaiter().GetResult();
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
