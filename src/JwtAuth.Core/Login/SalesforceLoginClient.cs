using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Http;
using JwtAuth.Core.Jwt;
using JwtAuth.Core.Model;
using JwtAuth.Core.OrgApi;
using JwtAuth.Core.OrgDetails;

namespace JwtAuth.Core.Login
{
    /// <summary>
    /// Exchanges signed JWT assertions for Salesforce access tokens and reads the org behind them. One instance holds
    /// one HttpClient (pooled connections, no redirects, environment/system proxy) and is safe to use from many threads
    /// at once: create it once per session or bulk run, not per login. Each call may bring its own request timeout.
    /// </summary>
    /// <remarks>
    /// A login has two stages: <see cref="ExchangeTokenAsync"/> (the token, with its retries), then
    /// <see cref="ReadOrgDetailsAsync"/> (API version, Organization row, Dev Hub check). <see cref="LoginAsync"/> runs
    /// both; <see cref="BulkLogin"/> runs them under separate throttles so one org's details overlap the next exchange.
    /// </remarks>
    public sealed class SalesforceLoginClient : IDisposable
    {
        private static readonly Lazy<SalesforceLoginClient> ProcessClient =
            new Lazy<SalesforceLoginClient>(() => new SalesforceLoginClient(), LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly SalesforceLoginClientOptions _options;
        private readonly HttpSender _sender;
        private readonly TokenExchange _exchange;
        private readonly OrgDetailsReader _details;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;

        public SalesforceLoginClient(SalesforceLoginClientOptions? options = null)
        {
            _options = options ?? new SalesforceLoginClientOptions();
            _options.Validate();
            _delay = _options.Delay ?? ((wait, token) => Task.Delay(wait, token));
            _sender = HttpSender.Create(_options.Proxy, _options.MaxResponseBytes, _options.TimeProvider ?? TimeProvider.System);
            _exchange = new TokenExchange(_sender, _options, _delay);
            _details = new OrgDetailsReader(_sender);
        }

        /// <summary>The process's one client (default options): its connections and API-version cache serve every cmdlet call.</summary>
        internal static SalesforceLoginClient Shared => ProcessClient.Value;

        /// <summary>The options the client was made with (replication backoff and bound, for callers that wait out replication themselves).</summary>
        internal SalesforceLoginClientOptions Options => _options;

        /// <summary>How the client waits between attempts; callers that poll wait the same way, so tests control every wait in one place.</summary>
        internal Func<TimeSpan, CancellationToken, Task> Delay => _delay;

        /// <summary>How many /services/data requests the client made; the per-instance cache keeps this low in bulk.</summary>
        internal int ApiVersionRequests => _details.Versions.Requests;

        /// <summary>
        /// Signs an assertion with <paramref name="key"/>, posts it to <c>{LoginUrl}/services/oauth2/token</c> (and nowhere
        /// else), retries transport failures and, for new scratch orgs, "user hasn't approved this consumer" up to the
        /// request's RetryTimeout, then reads the org's details with the new token.
        /// </summary>
        /// <param name="keyReference">Where the key came from; recorded in the result and named in errors. Never read.</param>
        /// <exception cref="LoginUrlException">The login URL or audience breaks the URL policy.</exception>
        /// <exception cref="SalesforceAuthException">Salesforce refused the assertion; ErrorId and Fix say why.</exception>
        /// <exception cref="TokenEndpointException">The endpoint could not be reached or did not answer like Salesforce.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public async Task<OrgAuth> LoginAsync(JwtLoginRequest request, RSA key, KeyReference keyReference,
            IProgress<LoginProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            var grant = await ExchangeTokenAsync(request, key, keyReference, progress, cancellationToken).ConfigureAwait(false);
            return await ReadOrgDetailsAsync(grant, progress, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The login's first stage: checks the inputs (nothing is signed or sent for bad ones), then exchanges fresh
        /// assertions for a token with the retries <see cref="LoginAsync"/> describes. Exceptions as for <see cref="LoginAsync"/>.
        /// </summary>
        public async Task<TokenGrant> ExchangeTokenAsync(JwtLoginRequest request, RSA key, KeyReference keyReference,
            IProgress<LoginProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (key is null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            var (username, clientId) = AssertionIdentity.Check(request.Username, request.ClientId);
            var timeout = SalesforceLoginClientOptions.CheckRequestTimeout(request.RequestTimeout ?? _options.RequestTimeout, nameof(request.RequestTimeout));
            keyReference ??= KeyReference.None();
            try
            {
                var loginUrl = LoginUrlPolicy.Normalize(request.LoginUrl);
                var audience = AudienceResolver.Resolve(loginUrl, request.Audience);
                var retryTimeout = request.RetryTimeout
                    ?? (IsSandboxAudience(audience) ? _options.SandboxRetryTimeout : TimeSpan.Zero);
                var target = new LoginTarget(loginUrl, audience, clientId, username, retryTimeout);
                var token = await _exchange.RequestAsync(target, key, keyReference, timeout, progress, cancellationToken).ConfigureAwait(false);
                return new TokenGrant(NewOrgAuth(token, target, keyReference), token.InstanceUrl, timeout);
            }
            catch (JwtAuthException ex)
            {
                LoginProgress.Report(progress, username, LoginStage.Failed, 0, null, ex.Message);
                throw;
            }
        }

        /// <summary>
        /// The login's second stage: reads the API version, the Organization row and, unless the org took the sandbox
        /// audience, the Dev Hub flag into <see cref="TokenGrant.Auth"/> (skipped when FetchOrgDetails is off), then
        /// completes the login. Failures here leave fields null or OrgType Unknown and are reported, never thrown.
        /// </summary>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public async Task<OrgAuth> ReadOrgDetailsAsync(TokenGrant grant, IProgress<LoginProgress>? progress = null,
            CancellationToken cancellationToken = default)
        {
            if (grant is null)
            {
                throw new ArgumentNullException(nameof(grant));
            }

            var auth = grant.Auth;
            if (_options.FetchOrgDetails)
            {
                LoginProgress.Report(progress, auth.Username, LoginStage.FetchingDetails, 0, null, $"Reading org details from {auth.InstanceUrl}.");
                var details = await _details.ReadAsync(grant.InstanceUrl, auth.AccessToken!, grant.RequestTimeout, checkDevHub: !IsSandboxAudience(auth.Audience),
                    message => LoginProgress.Report(progress, auth.Username, LoginStage.FetchingDetails, 0, null, message), cancellationToken).ConfigureAwait(false);
                details.ApplyTo(auth);
            }

            LoginProgress.Report(progress, auth.Username, LoginStage.Succeeded, 0, null, $"Signed in to {auth.OrgId} ({auth.OrgType}) at {auth.InstanceUrl}.");
            return auth;
        }

        /// <summary>
        /// Whether a stored access token still works: the documented Organization query
        /// (<c>GET {instanceUrl}/services/data/v{apiVersion}/query</c>), which answers 2xx only for a live session.
        /// 2xx: true; 401 or 403: false. Without <paramref name="apiVersion"/> the latest version is looked up first.
        /// </summary>
        /// <exception cref="LoginUrlException">The instance URL is not https (or http to loopback).</exception>
        /// <exception cref="TokenEndpointException">The instance could not be reached or did not answer like Salesforce.</exception>
        /// <exception cref="OrgApiException">Salesforce answered with another REST error, so the check cannot tell.</exception>
        public Task<bool> IsTokenValidAsync(string instanceUrl, string accessToken, string? apiVersion = null,
            CancellationToken cancellationToken = default) =>
            IsTokenValidAsync(instanceUrl, accessToken, apiVersion, null, cancellationToken);

        /// <param name="requestTimeout">The bound for each request of the check; null: the client's RequestTimeout.</param>
        public Task<bool> IsTokenValidAsync(string instanceUrl, string accessToken, string? apiVersion, TimeSpan? requestTimeout,
            CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrEmpty(accessToken))
            {
                return Task.FromResult(false);
            }

            var instance = LoginUrlPolicy.Normalize(instanceUrl);
            return _details.IsTokenValidAsync(instance, accessToken, apiVersion, TimeoutOrDefault(requestTimeout), cancellationToken);
        }

        /// <summary>A client for the org's REST API (queries, records, limits, Metadata deploys) over this client's connections.</summary>
        /// <param name="instanceUrl">The org's instance, e.g. <see cref="OrgAuth.InstanceUrl"/>: https, or http to loopback.</param>
        /// <param name="apiVersion">e.g. <c>62.0</c> (<see cref="OrgAuth.ApiVersion"/>).</param>
        /// <param name="requestTimeout">The bound for each request; null: the client's RequestTimeout.</param>
        /// <exception cref="LoginUrlException">The instance URL is not https (or http to loopback).</exception>
        public OrgApiClient OrgApiFor(string instanceUrl, string apiVersion, string accessToken, TimeSpan? requestTimeout = null)
        {
            return OrgApiFor(instanceUrl, apiVersion, accessToken, requestTimeout, _delay);
        }

        /// <summary>As <see cref="OrgApiFor(string, string, string, TimeSpan?)"/>, with <paramref name="delay"/> between a deploy's polls.</summary>
        internal OrgApiClient OrgApiFor(string instanceUrl, string apiVersion, string accessToken, TimeSpan? requestTimeout,
            Func<TimeSpan, CancellationToken, Task> delay)
        {
            if (string.IsNullOrEmpty(accessToken))
            {
                throw new ArgumentException("An access token is required.", nameof(accessToken));
            }

            var rest = new OrgRest(_sender, LoginUrlPolicy.Normalize(instanceUrl), accessToken, TimeoutOrDefault(requestTimeout));
            return new OrgApiClient(rest, apiVersion, delay);
        }

        /// <summary>The org's latest REST API version (<c>GET /services/data</c>, cached per instance like the login's detail read).</summary>
        internal Task<string> LatestApiVersionAsync(string instanceUrl, string accessToken, TimeSpan? requestTimeout, CancellationToken cancellationToken)
        {
            var rest = new OrgRest(_sender, LoginUrlPolicy.Normalize(instanceUrl), accessToken, TimeoutOrDefault(requestTimeout));
            return _details.Versions.GetLatestAsync(rest, cancellationToken);
        }

        public void Dispose() => _sender.Dispose();

        private TimeSpan TimeoutOrDefault(TimeSpan? requestTimeout) =>
            SalesforceLoginClientOptions.CheckRequestTimeout(requestTimeout ?? _options.RequestTimeout, nameof(requestTimeout));

        private static bool IsSandboxAudience(string audience) =>
            string.Equals(audience, AudienceResolver.Sandbox, StringComparison.OrdinalIgnoreCase);

        private static OrgAuth NewOrgAuth(TokenResponse token, LoginTarget target, KeyReference keyReference) => new OrgAuth
        {
            Username = target.Username,
            OrgId = token.OrgId,
            UserId = token.UserId,
            InstanceUrl = LoginUrlPolicy.Format(token.InstanceUrl),
            LoginUrl = LoginUrlPolicy.Format(target.LoginUrl),
            Audience = target.Audience,
            ClientId = target.ClientId,
            Key = keyReference,
            IdUrl = token.IdUrl,
            IssuedAt = token.IssuedAt,
            AccessToken = token.AccessToken,
            OrgType = OrgType.Unknown,
        };
    }
}
