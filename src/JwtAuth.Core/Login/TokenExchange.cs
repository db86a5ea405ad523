using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Http;
using JwtAuth.Core.Jwt;
using JwtAuth.Core.Model;
using JwtAuth.Core.Text;

namespace JwtAuth.Core.Login
{
    /// <summary>
    /// The token exchange with its retries: a fresh assertion per attempt, transport failures retried with backoff
    /// (a refused connection once, quickly), "user hasn't approved this consumer" waited out up to the target's
    /// RetryTimeout, and Salesforce's refusals turned into <see cref="SalesforceAuthException"/>s.
    /// </summary>
    internal sealed class TokenExchange
    {
        private readonly HttpSender _sender;
        private readonly SalesforceLoginClientOptions _options;
        private readonly AssertionBuilder _assertions;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly Random _jitter = new Random();

        public TokenExchange(HttpSender sender, SalesforceLoginClientOptions options, Func<TimeSpan, CancellationToken, Task> delay)
        {
            _sender = sender;
            _options = options;
            _assertions = new AssertionBuilder(sender.Clock);
            _delay = delay;
        }

        public async Task<TokenResponse> RequestAsync(LoginTarget target, RSA key, KeyReference keyReference, TimeSpan timeout,
            IProgress<LoginProgress>? progress, CancellationToken cancellationToken)
        {
            var attempt = 0;
            var transportRetries = 0;
            var refusedRetries = 0;
            var replicationRetries = 0;
            var replicationWaited = TimeSpan.Zero;
            var url = target.TokenUrl.GetLeftPart(UriPartial.Path);
            var username = target.Username;

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                attempt++;
                LoginProgress.Report(progress, username, LoginStage.Requesting, attempt, null, $"Requesting a token from {url} (audience {target.Audience}).");

                // A fresh assertion per attempt: exp is only minutes ahead and replication waits take longer.
                var assertion = _assertions.Build(key, target.ClientId, username, target.Audience);
                TokenAttempt outcome;
                try
                {
                    outcome = await TokenRequest.SendAsync(_sender, target.TokenUrl, assertion, timeout, cancellationToken).ConfigureAwait(false);
                }
                catch (TokenEndpointException ex) when (ex.IsTransient)
                {
                    var allowed = ex.RetryOnceOnly ? Math.Min(1, _options.MaxTransportRetries) : _options.MaxTransportRetries;
                    if (transportRetries >= _options.MaxTransportRetries || (ex.RetryOnceOnly && refusedRetries >= allowed))
                    {
                        throw GaveUp(ex, attempt);
                    }

                    transportRetries++;
                    TimeSpan wait;
                    if (ex.RetryOnceOnly)
                    {
                        refusedRetries++;
                        wait = RetryTiming.RefusedConnection;
                    }
                    else
                    {
                        wait = ex.RetryAfter.HasValue
                            ? Min(ex.RetryAfter.Value, _options.MaxTransportWait)
                            : RetryTiming.Transport(transportRetries, _options.TransportBackoff, _options.MaxTransportWait, NextJitter());
                    }

                    LoginProgress.Report(progress, username, LoginStage.RetryingTransport, attempt, wait,
                        $"{ex.Problem} Retry {(ex.RetryOnceOnly ? refusedRetries : transportRetries)} of {allowed} in {Plural.Of(wait.TotalSeconds, "second", "0.#")}.");
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

                if (SalesforceErrorCatalog.IsUserNotApproved(outcome.Error!, outcome.ErrorDescription) && replicationWaited < target.RetryTimeout)
                {
                    replicationRetries++;
                    var wait = Min(RetryTiming.Replication(replicationRetries, _options.ReplicationBackoff, _options.MaxReplicationWait),
                        target.RetryTimeout - replicationWaited);
                    LoginProgress.Report(progress, username, LoginStage.WaitingForReplication, attempt, wait,
                        $"Salesforce says user '{username}' hasn't approved this consumer; a new scratch org's user may not have replicated yet. " +
                        $"Waiting {Plural.Of(wait.TotalSeconds, "second", "0.#")} (waited {replicationWaited.TotalSeconds:0} of {Plural.Of(target.RetryTimeout.TotalSeconds, "second", "0")} so far).",
                        replicationWaited, target.RetryTimeout);
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
                    Audience = target.Audience,
                    Username = username,
                    ClientId = target.ClientId,
                    KeyDescription = keyReference.Kind == KeyReferenceKind.None ? "The in-memory signing key" : $"The signing key {keyReference}",
                    Attempts = attempt,
                    ReplicationWait = replicationWaited,
                });
            }
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
    }
}
