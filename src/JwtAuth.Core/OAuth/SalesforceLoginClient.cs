using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Jwt;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.OAuth
{
    /// <summary>
    /// Exchanges signed JWT assertions for Salesforce access tokens. One instance holds one HttpClient (pooled
    /// connections, no redirects, environment/system proxy) and is safe to use from many threads at once:
    /// create it once per session or bulk run, not per login.
    /// </summary>
    public sealed class SalesforceLoginClient : IDisposable
    {
        private readonly SalesforceLoginClientOptions _options;
        private readonly HttpClient _http;
        private readonly HttpSender _sender;
        private readonly OrgDetailsReader _details;
        private readonly AssertionBuilder _assertions;
        private readonly TimeProvider _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly Random _jitter = new Random();

        public SalesforceLoginClient(SalesforceLoginClientOptions? options = null)
        {
            _options = options ?? new SalesforceLoginClientOptions();
            _options.Validate();
            _clock = _options.TimeProvider ?? TimeProvider.System;
            _delay = _options.Delay ?? ((wait, token) => Task.Delay(wait, token));
            _http = new HttpClient(HttpHandlerFactory.Create(_options.Proxy), disposeHandler: true)
            {
                // Each request gets its own timeout (HttpSender), so a timeout is told apart from a cancellation.
                Timeout = Timeout.InfiniteTimeSpan,
            };
            _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("JwtAuth", typeof(SalesforceLoginClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
            _sender = new HttpSender(_http, _options.RequestTimeout, _options.MaxResponseBytes, _clock);
            _details = new OrgDetailsReader(_sender);
            _assertions = new AssertionBuilder(_clock);
        }

        /// <summary>How many /services/data requests the client made; the per-instance cache keeps this low in bulk.</summary>
        internal int ApiVersionRequests => _details.VersionRequests;

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
        public Task<OrgAuth> LoginAsync(JwtLoginRequest request, RSA key, KeyReference keyReference,
            IProgress<LoginProgress>? progress = null, CancellationToken cancellationToken = default) =>
            LoginAsync(request, key, keyReference, progress, null, cancellationToken);

        /// <param name="beforeOrgDetails">
        /// Awaited once the token is in hand and before the follow-up calls, only when they will be made: a bulk run
        /// hands the login's exchange slot to the next org here, so follow-ups overlap the next exchanges.
        /// </param>
        internal async Task<OrgAuth> LoginAsync(JwtLoginRequest request, RSA key, KeyReference keyReference,
            IProgress<LoginProgress>? progress, Func<Task>? beforeOrgDetails, CancellationToken cancellationToken)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (key is null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            var username = request.Username?.Trim() ?? string.Empty;
            var clientId = request.ClientId?.Trim() ?? string.Empty;
            if (username.Length == 0)
            {
                throw new JwtAuthException("MissingUsername", JwtAuthErrorKind.InvalidArgument, "No username was given.",
                    "Pass -Username with the Salesforce username to sign in as.");
            }

            if (clientId.Length == 0)
            {
                throw new JwtAuthException("MissingClientId", JwtAuthErrorKind.InvalidArgument, "No client id was given.",
                    "Pass -ClientId with the connected app's Consumer Key (App Manager > the app > View > Manage Consumer Details).", username);
            }

            CheckIdentityFormat(username, clientId);
            keyReference ??= KeyReference.None();
            try
            {
                var loginUrl = LoginUrlPolicy.Normalize(request.LoginUrl);
                var audience = AudienceResolver.Resolve(loginUrl, request.Audience);
                var tokenUrl = new Uri(loginUrl, "/services/oauth2/token");
                var retryTimeout = request.RetryTimeout
                    ?? (string.Equals(audience, AudienceResolver.Sandbox, StringComparison.OrdinalIgnoreCase) ? _options.SandboxRetryTimeout : TimeSpan.Zero);
                var token = await RequestTokenAsync(tokenUrl, audience, clientId, username, key, keyReference, retryTimeout, progress, cancellationToken)
                    .ConfigureAwait(false);
                var auth = NewOrgAuth(token, username, clientId, loginUrl, audience, keyReference);
                if (_options.FetchOrgDetails)
                {
                    if (beforeOrgDetails != null)
                    {
                        await beforeOrgDetails().ConfigureAwait(false);
                    }

                    await AddOrgDetailsAsync(auth, token, progress, cancellationToken).ConfigureAwait(false);
                }

                Report(progress, username, LoginStage.Succeeded, 0, null, $"Signed in to {auth.OrgId} ({auth.OrgType}) at {auth.InstanceUrl}.");
                return auth;
            }
            catch (JwtAuthException ex)
            {
                Report(progress, username, LoginStage.Failed, 0, null, ex.Message);
                throw;
            }
        }

        /// <summary>
        /// Whether a stored access token still works: the documented Organization query
        /// (<c>GET {instanceUrl}/services/data/v{apiVersion}/query</c>), which answers 2xx only for a live session.
        /// 2xx: true; 401 or 403: false. Without <paramref name="apiVersion"/> the latest version is looked up first.
        /// </summary>
        /// <exception cref="LoginUrlException">The instance URL is not https (or http to loopback).</exception>
        /// <exception cref="TokenEndpointException">The instance could not be reached or answered something else.</exception>
        public async Task<bool> IsTokenValidAsync(string instanceUrl, string accessToken, string? apiVersion = null,
            CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrEmpty(accessToken))
            {
                return false;
            }

            var instance = LoginUrlPolicy.Normalize(instanceUrl);
            var reply = await _details.QueryOrganizationAsync(instance, accessToken, apiVersion, cancellationToken).ConfigureAwait(false);
            if (reply.IsSuccess)
            {
                return true;
            }

            if (reply.StatusCode == 401 || reply.StatusCode == 403)
            {
                return false;
            }

            var where = instance.GetLeftPart(UriPartial.Authority);
            throw new TokenEndpointException(reply.StatusCode >= 300 && reply.StatusCode < 400 ? "TokenEndpointRedirect" : "RestCallFailed",
                JwtAuthErrorKind.ResourceUnavailable,
                $"The Organization query at {where} answered {reply.Describe()}; cannot tell whether the token is still valid.",
                "Check the instance URL; if it is right, Salesforce may be unavailable: try again later.", where)
            { StatusCode = reply.StatusCode, ContentType = reply.ContentType };
        }

        public void Dispose() => _http.Dispose();

        private static OrgAuth NewOrgAuth(TokenResponse token, string username, string clientId, Uri loginUrl, string audience,
            KeyReference keyReference) => new OrgAuth
            {
                Username = username,
                OrgId = token.OrgId,
                UserId = token.UserId,
                InstanceUrl = LoginUrlPolicy.Format(token.InstanceUrl),
                LoginUrl = LoginUrlPolicy.Format(loginUrl),
                Audience = audience,
                ClientId = clientId,
                Key = keyReference,
                IdUrl = token.IdUrl,
                IssuedAt = token.IssuedAt,
                AccessToken = token.AccessToken,
                OrgType = OrgType.Unknown,
            };

        private async Task AddOrgDetailsAsync(OrgAuth auth, TokenResponse token, IProgress<LoginProgress>? progress, CancellationToken cancellationToken)
        {
            Report(progress, auth.Username, LoginStage.FetchingDetails, 0, null, $"Reading org details from {auth.InstanceUrl}.");
            var sandboxAudience = string.Equals(auth.Audience, AudienceResolver.Sandbox, StringComparison.OrdinalIgnoreCase);
            var details = await _details.ReadAsync(token.InstanceUrl, token.AccessToken, checkDevHub: !sandboxAudience,
                message => Report(progress, auth.Username, LoginStage.FetchingDetails, 0, null, message), cancellationToken).ConfigureAwait(false);
            auth.ApiVersion = details.ApiVersion;
            auth.OrgType = details.OrgType;
            auth.OrgName = details.Organization?.Name;
            auth.InstanceName = details.Organization?.InstanceName;
            auth.NamespacePrefix = details.Organization?.NamespacePrefix;
            auth.TrialExpirationDate = details.Organization?.TrialExpirationDate;
        }

        private async Task<TokenResponse> RequestTokenAsync(Uri tokenUrl, string audience, string clientId, string username,
            RSA key, KeyReference keyReference, TimeSpan retryTimeout,
            IProgress<LoginProgress>? progress, CancellationToken cancellationToken)
        {
            var attempt = 0;
            var transportRetries = 0;
            var replicationRetries = 0;
            var replicationWaited = TimeSpan.Zero;
            var url = tokenUrl.GetLeftPart(UriPartial.Path);

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                attempt++;
                Report(progress, username, LoginStage.Requesting, attempt, null, $"Requesting a token from {url} (audience {audience}).");

                // A fresh assertion per attempt: exp is only minutes ahead and replication waits take longer.
                var assertion = _assertions.Build(key, clientId, username, audience);
                TokenAttempt outcome;
                try
                {
                    outcome = await TokenRequest.SendAsync(_sender, tokenUrl, assertion, _clock, cancellationToken).ConfigureAwait(false);
                }
                catch (TokenEndpointException ex) when (ex.IsTransient)
                {
                    if (transportRetries >= _options.MaxTransportRetries)
                    {
                        throw GaveUp(ex, attempt);
                    }

                    transportRetries++;
                    var wait = ex.RetryAfter.HasValue
                        ? Min(ex.RetryAfter.Value, _options.MaxTransportWait)
                        : RetryTiming.Transport(transportRetries, _options.TransportBackoff, _options.MaxTransportWait, NextJitter());
                    Report(progress, username, LoginStage.RetryingTransport, attempt, wait,
                        $"{ex.Problem} Retry {transportRetries} of {_options.MaxTransportRetries} in {wait.TotalSeconds:0.#} s.");
                    await _delay(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (TokenEndpointException ex)
                {
                    ex.Attempts = attempt;
                    throw;
                }

                if (outcome.Token != null)
                {
                    return outcome.Token;
                }

                if (SalesforceErrorCatalog.IsUserNotApproved(outcome.Error!, outcome.ErrorDescription) && replicationWaited < retryTimeout)
                {
                    replicationRetries++;
                    var wait = Min(RetryTiming.Replication(replicationRetries, _options.ReplicationBackoff, _options.MaxReplicationWait),
                        retryTimeout - replicationWaited);
                    Report(progress, username, LoginStage.WaitingForReplication, attempt, wait,
                        $"Salesforce says user '{username}' hasn't approved this consumer; a new scratch org's user may not have replicated yet. " +
                        $"Waiting {wait.TotalSeconds:0.#} s (waited {replicationWaited.TotalSeconds:0} of {retryTimeout.TotalSeconds:0} s so far).");
                    await _delay(wait, cancellationToken).ConfigureAwait(false);
                    replicationWaited += wait;
                    continue;
                }

                throw SalesforceErrorCatalog.Create(new SalesforceErrorContext
                {
                    Error = outcome.Error!,
                    ErrorDescription = outcome.ErrorDescription,
                    StatusCode = outcome.StatusCode,
                    TokenUrl = url,
                    Audience = audience,
                    Username = username,
                    ClientId = clientId,
                    KeyDescription = keyReference.Kind == KeyReferenceKind.None ? "The in-memory signing key" : $"The signing key {keyReference}",
                    Attempts = attempt,
                    ReplicationWait = replicationWaited,
                });
            }
        }

        // Salesforce usernames are at most 80 characters and, like consumer keys, never hold white space or control
        // characters: such input (two values pasted together, a stray escape) is refused before anything is signed or sent.
        private static void CheckIdentityFormat(string username, string clientId)
        {
            if (username.Length > MaxUsernameLength || HasSpaceOrControl(username))
            {
                throw new JwtAuthException("InvalidUsername", JwtAuthErrorKind.InvalidArgument,
                    username.Length > MaxUsernameLength
                        ? $"The username is {username.Length} characters long; Salesforce usernames have at most {MaxUsernameLength}."
                        : "The username contains white space or control characters; Salesforce usernames never do.",
                    "Pass -Username with exactly one Salesforce username, e.g. admin@example.com (check for values pasted together or stray characters).");
            }

            if (clientId.Length > MaxClientIdLength || HasSpaceOrControl(clientId))
            {
                throw new JwtAuthException("InvalidClientIdFormat", JwtAuthErrorKind.InvalidArgument,
                    clientId.Length > MaxClientIdLength
                        ? $"The client id is {clientId.Length} characters long; a connected app's Consumer Key is under {MaxClientIdLength}."
                        : "The client id contains white space or control characters; a Consumer Key never does.",
                    "Pass -ClientId with the connected app's Consumer Key exactly as Salesforce shows it (App Manager > the app > View > Manage Consumer Details).",
                    username);
            }
        }

        private const int MaxUsernameLength = 80;
        private const int MaxClientIdLength = 256;

        private static bool HasSpaceOrControl(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static TokenEndpointException GaveUp(TokenEndpointException last, int attempts)
        {
            var problem = attempts > 1 ? $"{last.Problem} Gave up after {attempts} attempts." : last.Problem;
            return new TokenEndpointException(last.ErrorId, last.Kind, problem, last.Fix ?? string.Empty, last.Url, last.InnerException)
            {
                StatusCode = last.StatusCode,
                ContentType = last.ContentType,
                RedirectHost = last.RedirectHost,
                Attempts = attempts,
            };
        }

        private double NextJitter()
        {
            lock (_jitter)
            {
                return _jitter.NextDouble();
            }
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

        private static void Report(IProgress<LoginProgress>? progress, string username, LoginStage stage, int attempt, TimeSpan? wait, string message) =>
            progress?.Report(new LoginProgress(username, stage, attempt, wait, message));
    }
}
