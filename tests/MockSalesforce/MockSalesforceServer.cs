using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MockSalesforce.Control;
using MockSalesforce.Endpoints;
using MockSalesforce.Faults;
using MockSalesforce.Logging;
using MockSalesforce.Metadata;
using MockSalesforce.Model;
using MockSalesforce.Scratch;

namespace MockSalesforce;

/// <summary>
/// A local Salesforce for the JWT bearer flow on http://127.0.0.1:PORT. Start one per test (or fixture),
/// register apps, orgs and users, point the client at <see cref="BaseUrl"/>, then assert on <see cref="Requests"/>.
/// </summary>
public sealed class MockSalesforceServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MockState _state;

    private MockSalesforceServer(WebApplication app, MockState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>"http://127.0.0.1:PORT" (no trailing slash).</summary>
    public string BaseUrl => _state.BaseUrl;

    /// <summary>"http://127.0.0.1:PORT/services/oauth2/token".</summary>
    public string TokenUrl => BaseUrl + TokenEndpoint.Path;

    /// <summary>The options the server runs with (changes to latency and lifetimes apply to later requests).</summary>
    public MockOptions Options => _state.Options;

    /// <summary>The mock's clock; advance it to expire sessions or let scratch users replicate without sleeping.</summary>
    public MockClock Clock => _state.Clock;

    /// <summary>Registered apps, orgs and users.</summary>
    public MockDirectory Directory => _state.Directory;

    /// <summary>Issued sessions (revoke them to make tokens invalid).</summary>
    public SessionStore Sessions => _state.Sessions;

    /// <summary>Faults to inject into coming requests.</summary>
    public FaultQueue Faults => _state.Faults;

    /// <summary>The Dev Hubs' ScratchOrgInfo records, and plans for how coming inserts turn out.</summary>
    public ScratchOrgRegistry ScratchOrgs => _state.ScratchOrgs;

    /// <summary>Metadata deployRequests received (with their zips), and components configured to fail.</summary>
    public DeployRegistry Deploys => _state.Deploys;

    /// <summary>A snapshot of every request received so far (control API excluded).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _state.Requests.Snapshot();

    /// <summary>The token requests received so far.</summary>
    public IReadOnlyList<RecordedRequest> TokenRequests =>
        Requests.Where(r => r.Method == "POST" && r.Path.EndsWith(TokenEndpoint.Path, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>Completes when a client posts to /__mock/shutdown.</summary>
    public Task ShutdownRequested => _state.ShutdownRequested.Task;

    /// <summary>Starts Kestrel on 127.0.0.1 (a free port unless <see cref="MockOptions.Port"/> is set).</summary>
    public static async Task<MockSalesforceServer> StartAsync(MockOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MockOptions();
        var state = new MockState(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(MockSalesforceServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        // A request stuck in a Delay fault must not hold up disposal for the default 30 s.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var server = new MockSalesforceServer(app, state);

        if (options.EnableControlApi) ControlEndpoints.Map(app, server);
        app.UseWhen(context => !ControlEndpoints.IsControlPath(context.Request.Path), branch =>
        {
            branch.Use((context, next) => RequestLogMiddleware.InvokeAsync(context, next, state));
            branch.Use((context, next) => FaultMiddleware.InvokeAsync(context, next, state));
        });
        SalesforceRoutes.Map(app, state);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        state.BaseUrl = new Uri(address).GetLeftPart(UriPartial.Authority);
        return server;
    }

    /// <summary>Registers a connected app with its uploaded certificate (PEM text).</summary>
    public ConnectedApp AddConnectedApp(string consumerKey, string certificatePem, string scope = "api web") =>
        AddConnectedApp(consumerKey, ConnectedApp.CertificateFromPem(certificatePem), scope);

    /// <summary>Registers a connected app with its uploaded certificate.</summary>
    public ConnectedApp AddConnectedApp(string consumerKey, X509Certificate2 certificate, string scope = "api web") =>
        _state.Directory.Add(new ConnectedApp(consumerKey, certificate, scope));

    /// <summary>
    /// Adds an org. Its instance URL is the mock's base URL unless <paramref name="instanceUrl"/> names another
    /// path-free URL on this host; <paramref name="siteUrls"/> are Experience Cloud audiences it also accepts.
    /// A scratch org may name the Dev Hub that lists it in ScratchOrgInfo.
    /// </summary>
    public MockOrg AddOrg(OrgKind kind, string? name = null, string? myDomainName = null, string? instanceUrl = null,
        IEnumerable<string>? siteUrls = null, MockOrg? devHub = null, string? orgId = null)
    {
        if (devHub is not null && (kind != OrgKind.Scratch || devHub.Kind != OrgKind.DevHub))
            throw new ArgumentException("Only a scratch org has a Dev Hub, and it must be a DevHub org.", nameof(devHub));
        if (orgId is not null && !SalesforceId.IsValid(orgId, "00D"))
            throw new ArgumentException("An org id is 18 characters starting with 00D, with a valid checksum.", nameof(orgId));
        if (instanceUrl is not null && (!Uri.TryCreate(instanceUrl, UriKind.Absolute, out var parsed) || parsed.AbsolutePath != "/" || parsed.Query.Length > 0))
            throw new ArgumentException($"The instance URL must be an absolute URL without a path, like {BaseUrl}.", nameof(instanceUrl));
        var org = _state.OrgFactory.Create(kind, name, myDomainName, instanceUrl, siteUrls, devHub, orgId);
        if (devHub is not null) ScratchOrgProvisioner.RegisterExisting(_state, org);
        return org;
    }

    /// <summary>Adds an active user, pre-authorized for the given apps.</summary>
    public MockUser AddUser(MockOrg org, string username, params ConnectedApp[] preAuthorizedFor) =>
        AddUser(org, username, active: true, preAuthorizedFor);

    /// <summary>Adds a user, active or not, pre-authorized for the given apps.</summary>
    public MockUser AddUser(MockOrg org, string username, bool active, params ConnectedApp[] preAuthorizedFor)
    {
        var user = new MockUser(SalesforceId.New("005"), username, org, DateTimeOffset.MinValue) { Active = active };
        foreach (var app in preAuthorizedFor) user.PreAuthorize(app);
        _state.Directory.Add(user);
        // The first user added to a hand-made scratch org is its SignupUsername.
        if (org.Signup is { Admin: null } signup) signup.Admin = user;
        return user;
    }

    /// <summary>
    /// Adds a scratch org admin who gets "user hasn't approved this consumer" until <paramref name="replicatesAfter"/>
    /// (default <see cref="MockOptions.ReplicationDelay"/>) has passed on the mock clock.
    /// </summary>
    public MockUser AddScratchUser(MockOrg scratchOrg, string username, ConnectedApp preAuthorizedFor, TimeSpan? replicatesAfter = null)
    {
        if (scratchOrg.Kind != OrgKind.Scratch) throw new ArgumentException("AddScratchUser needs a Scratch org.", nameof(scratchOrg));
        var user = AddUser(scratchOrg, username, preAuthorizedFor);
        user.ReplicatesAt = Clock.UtcNow + (replicatesAfter ?? Options.ReplicationDelay);
        return user;
    }

    /// <summary>
    /// Inserts a ScratchOrgInfo as <paramref name="hubUser"/> would through the REST API (same validation, limits and
    /// plans); returns the record, or throws ArgumentException with Salesforce's error code and message.
    /// </summary>
    public ScratchOrgSignup InsertScratchOrg(MockUser hubUser, string requestJson)
    {
        if (hubUser.Org.Kind != OrgKind.DevHub) throw new ArgumentException("NOT_FOUND: ScratchOrgInfo exists only on a Dev Hub.", nameof(hubUser));
        var (request, error) = ScratchOrgRequest.Parse(requestJson, Options);
        var (signup, refused) = error is null ? ScratchOrgProvisioner.Insert(_state, hubUser, request!) : (null, error);
        return signup ?? throw new ArgumentException($"{refused!.ErrorCode}: {refused.Message}", nameof(requestJson));
    }

    /// <summary>Forgets the recorded requests (the scenario stays).</summary>
    public void ClearRequests() => _state.Requests.Clear();

    /// <summary>Forgets every app, org, user, session, fault and recorded request, and resets the clock.</summary>
    public void Reset() => _state.Reset();

    /// <summary>Asks a standalone host to stop (what POST /__mock/shutdown does).</summary>
    public void RequestShutdown() => _state.ShutdownRequested.TrySetResult();

    /// <summary>Stops Kestrel.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
