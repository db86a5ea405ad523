using System.Security.Cryptography;
using System.Globalization;
using MockSalesforce.Endpoints;
using MockSalesforce.Model;

namespace MockSalesforce.Scratch;

/// <summary>
/// Turns a validated ScratchOrgInfo insert into a record and, when the signup is to succeed, into a real mock scratch
/// org whose admin (SignupUsername) is pre-authorized only for the app ConnectedAppConsumerKey names.
/// </summary>
internal static class ScratchOrgProvisioner
{
    /// <summary>The Salesforce CLI's own connected app, which every org knows and which has no certificate.</summary>
    public const string CliConsumerKey = "PlatformCLI";

    /// <summary>The error code for a username already taken in any org.</summary>
    public const string DuplicateUsername = "C-1007";

    /// <summary>The error code for a connected app signup cannot configure in the new org.</summary>
    public const string ConnectedAppProblem = "C-1016";

    public static (ScratchOrgSignup? Signup, RestError? Error) Insert(MockState state, MockUser hubUser, ScratchOrgRequest request)
    {
        var hub = hubUser.Org;
        var registry = state.ScratchOrgs;
        lock (registry.GateOf(hub))
        {
            var now = state.Clock.UtcNow;
            var usage = registry.UsageOf(hub, now);
            if (usage.ActiveRemaining == 0)
                return (null, RestError.Dml("LIMIT_EXCEEDED", "The signup request failed because this organization has reached its active scratch org limit"));
            if (usage.DailyRemaining == 0)
                return (null, RestError.Dml("LIMIT_EXCEEDED", "The signup request failed because this organization has reached its daily scratch org signup limit"));

            var plan = registry.TakePlan(request.Username);
            string username = request.Username ?? GeneratedUsername();
            string consumerKey = request.ConnectedAppConsumerKey ?? CliConsumerKey;
            var signup = new ScratchOrgSignup(SalesforceId.New("2SR"), hub, hubUser, request, username, consumerKey, now,
                plan?.ProvisioningTime ?? state.Options.ScratchOrgProvisioningTime,
                plan?.ReplicationDelay ?? state.Options.ReplicationDelay, state.Clock)
            {
                PlannedErrorCode = plan?.ErrorCode ?? ConnectedAppError(state.Directory, consumerKey),
            };
            if (signup.PlannedErrorCode is null) Provision(state, signup, username, consumerKey);
            registry.Add(signup);
            return (signup, null);
        }
    }

    /// <summary>Gives an org added with AddOrg (and a Dev Hub) the Active ScratchOrgInfo record the hub lists.</summary>
    public static ScratchOrgSignup RegisterExisting(MockState state, MockOrg scratch)
    {
        var signup = new ScratchOrgSignup(scratch.ScratchOrgInfoId, scratch.DevHub!, createdBy: null,
            ScratchOrgRequest.ForExistingOrg(scratch.Name), signupUsername: null, consumerKey: null, scratch.CreatedAt,
            TimeSpan.Zero, TimeSpan.Zero, state.Clock) { Org = scratch };
        scratch.Signup = signup;
        state.ScratchOrgs.Add(signup);
        return signup;
    }

    private static void Provision(MockState state, ScratchOrgSignup signup, string username, string consumerKey)
    {
        string domain = state.OrgFactory.NextScratchDomainName();
        var org = state.OrgFactory.Create(OrgKind.Scratch, signup.Request.OrgName ?? "Company", domain,
            LoginUrl(state, domain), devHub: signup.Hub, scratchOrgInfoId: signup.Id);
        org.Signup = signup;
        var admin = new MockUser(SalesforceId.New("005"), username, org, DateTimeOffset.MaxValue);
        admin.PreAuthorize(consumerKey);
        try
        {
            state.Directory.Add(admin);
        }
        catch (ArgumentException)
        {
            // Usernames are unique across every org: the signup fails and no org is left behind.
            state.Directory.Remove(org);
            signup.PlannedErrorCode = DuplicateUsername;
            return;
        }
        signup.Org = org;
        signup.Admin = admin;
        // Salesforce issues an AuthCode only for an app without a certificate; every registered mock app has one.
        if (consumerKey == CliConsumerKey) signup.AuthCode = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    }

    private static string? ConnectedAppError(MockDirectory directory, string consumerKey)
    {
        if (consumerKey == CliConsumerKey) return null;
        var app = directory.FindApp(consumerKey);
        return app is null || app.IsExternalClientApp ? ConnectedAppProblem : null;
    }

    private static string LoginUrl(MockState state, string domain)
    {
        string port = new Uri(state.BaseUrl).Port.ToString(CultureInfo.InvariantCulture);
        return state.Options.ScratchOrgUrlTemplate
            .Replace("{base}", state.BaseUrl, StringComparison.Ordinal)
            .Replace("{port}", port, StringComparison.Ordinal)
            .Replace("{domain}", domain, StringComparison.Ordinal)
            .TrimEnd('/');
    }

    /// <summary>What Salesforce generates when the insert has no Username: test-&lt;12 characters&gt;@example.com.</summary>
    private static string GeneratedUsername()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[12];
        for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return $"test-{new string(chars)}@example.com";
    }
}
