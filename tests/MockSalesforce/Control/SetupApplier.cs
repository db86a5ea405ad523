using MockSalesforce.Model;
using MockSalesforce.Scratch;

namespace MockSalesforce.Control;

/// <summary>Turns setup JSON (file or control API) into registrations on a running server.</summary>
public static class SetupApplier
{
    /// <summary>Adds everything in the document; relative certificate paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static void Apply(this MockSalesforceServer server, SetupDocument document, string? baseDirectory = null)
    {
        document.Options?.ApplyTo(server.Options);
        foreach (var app in document.Apps) server.Add(app, baseDirectory);
        foreach (var org in document.Orgs) server.Add(org);
        foreach (var user in document.Users) server.Add(user);
        foreach (var plan in document.ScratchOrgPlans) server.ScratchOrgs.Plan(plan.ToPlan());
        foreach (var failure in document.DeployFailures) server.Deploys.Fail(failure.ToFailure());
    }

    /// <summary>Registers one app.</summary>
    public static ConnectedApp Add(this MockSalesforceServer server, AppSpec spec, string? baseDirectory = null)
    {
        string pem = spec.CertificatePem
            ?? (spec.CertificatePath is { } path
                ? File.ReadAllText(Path.GetFullPath(path, baseDirectory ?? Directory.GetCurrentDirectory()))
                : throw new ArgumentException($"App {spec.ConsumerKey} needs certificatePem or certificatePath."));
        var app = server.AddConnectedApp(spec.ConsumerKey, pem, spec.Scope ?? "api web");
        app.IsExternalClientApp = spec.ExternalClientApp;
        return app;
    }

    /// <summary>Adds one org.</summary>
    public static MockOrg Add(this MockSalesforceServer server, OrgSpec spec)
    {
        if (spec.Name is not null && server.Directory.Orgs.Any(o => o.Name.Equals(spec.Name, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"An org named {spec.Name} already exists.");
        var devHub = spec.DevHub is null ? null : server.FindOrgByNameOrId(spec.DevHub);
        var org = server.AddOrg(spec.Kind, spec.Name, spec.MyDomainName, spec.InstanceUrl, spec.SiteUrls, devHub, spec.Id);
        return server.Patch(org, new OrgPatch { ActiveScratchOrgs = spec.ActiveScratchOrgs, DailyScratchOrgs = spec.DailyScratchOrgs });
    }

    /// <summary>Changes an org's scratch org limits.</summary>
    public static MockOrg Patch(this MockSalesforceServer server, MockOrg org, OrgPatch patch)
    {
        if ((patch.ActiveScratchOrgs ?? patch.DailyScratchOrgs) is not null && org.Kind != OrgKind.DevHub)
            throw new ArgumentException($"Only a DevHub org has scratch org limits; {org.Name} is {org.Kind}.");
        if (patch.ActiveScratchOrgs is { } active) org.ActiveScratchOrgLimit = OptionsSpec.NotNegative(active, "activeScratchOrgs");
        if (patch.DailyScratchOrgs is { } daily) org.DailyScratchOrgLimit = OptionsSpec.NotNegative(daily, "dailyScratchOrgs");
        return org;
    }

    /// <summary>Changes a ScratchOrgInfo record's timeline or outcome.</summary>
    public static ScratchOrgSignup Patch(this MockSalesforceServer server, string scratchOrgInfoId, ScratchOrgPatch patch)
    {
        var signup = server.ScratchOrgs.Find(scratchOrgInfoId) ?? throw new ArgumentException($"No ScratchOrgInfo with id {scratchOrgInfoId}.");
        var now = server.Clock.UtcNow;
        if (patch.ErrorCode is { } code)
        {
            if (now >= signup.ReadyAt && patch.ReadyInSeconds is null) throw new ArgumentException("The signup has completed; an ErrorCode needs readyInSeconds too.");
            signup.PlannedErrorCode = code;
        }
        if (patch.ReadyInSeconds is { } ready) signup.ReadyAt = now + OptionsSpec.Seconds(ready, "readyInSeconds");
        if (patch.ExpiresInSeconds is { } expires) signup.ExpiresAt = now + TimeSpan.FromSeconds(expires);
        return signup;
    }

    /// <summary>Adds one user; a scratch org's user replicates after <see cref="MockOptions.ReplicationDelay"/> unless the spec says otherwise.</summary>
    public static MockUser Add(this MockSalesforceServer server, UserSpec spec)
    {
        var org = server.FindOrgByNameOrId(spec.Org);
        var apps = (spec.PreAuthorizedFor ?? new List<string>()).Select(server.FindAppOrThrow).ToArray();
        var user = server.AddUser(org, spec.Username, spec.Active ?? true, apps);
        // Scratch users replicate after the server's ReplicationDelay unless the spec says otherwise.
        TimeSpan? replicatesAfter = spec.ReplicatesAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds)
            : org.Kind == OrgKind.Scratch ? server.Options.ReplicationDelay : null;
        if (replicatesAfter is { } delay) user.ReplicatesAt = server.Clock.UtcNow + delay;
        return user;
    }

    /// <summary>Changes an existing user.</summary>
    public static MockUser Patch(this MockSalesforceServer server, string username, UserPatch patch)
    {
        var user = server.Directory.FindUser(username) ?? throw new ArgumentException($"No user named {username}.");
        if (patch.Active is { } active) user.Active = active;
        if (patch.PreAuthorizedFor is { } keys)
        {
            foreach (var app in server.Directory.Apps) user.RevokeAuthorization(app);
            foreach (var key in keys) user.PreAuthorize(server.FindAppOrThrow(key));
        }
        if (patch.ReplicatesAfterSeconds is { } seconds) user.ReplicatesAt = server.Clock.UtcNow + TimeSpan.FromSeconds(seconds);
        return user;
    }

    /// <summary>The org with this name (case-insensitive) or id.</summary>
    public static MockOrg FindOrgByNameOrId(this MockSalesforceServer server, string nameOrId) =>
        server.Directory.FindOrg(nameOrId)
        ?? server.Directory.Orgs.FirstOrDefault(o => o.Name.Equals(nameOrId, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No org named or with id {nameOrId}.");

    private static ConnectedApp FindAppOrThrow(this MockSalesforceServer server, string consumerKey) =>
        server.Directory.FindApp(consumerKey) ?? throw new ArgumentException($"No connected app with consumer key {consumerKey}.");
}
