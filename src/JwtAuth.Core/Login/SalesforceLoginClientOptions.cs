using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace JwtAuth.Core.Login
{
    /// <summary>Settings for <see cref="SalesforceLoginClient"/>; the defaults suit interactive and CI use.</summary>
    public sealed class SalesforceLoginClientOptions
    {
        /// <summary>Limit for one HTTP request, body included, when the call does not bring its own. Default 30 seconds.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Retries after connection failures, 5xx and 429 (so at most this + 1 token requests). Default 3.</summary>
        public int MaxTransportRetries { get; set; } = 3;

        /// <summary>First backoff after a transport failure; doubles each time, plus up to 25 % jitter. Default 1 second.</summary>
        public TimeSpan TransportBackoff { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Upper bound for any single transport wait, Retry-After included. Default 30 seconds.</summary>
        public TimeSpan MaxTransportWait { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>First wait for a scratch org user to replicate; doubles up to <see cref="MaxReplicationWait"/>. Default 5 seconds.</summary>
        public TimeSpan ReplicationBackoff { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Upper bound for one replication wait. Default 30 seconds.</summary>
        public TimeSpan MaxReplicationWait { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// The default <see cref="JwtLoginRequest.RetryTimeout"/> when the audience is test.salesforce.com
        /// (sandboxes, scratch orgs). Default 5 minutes. Production audiences default to zero.
        /// </summary>
        public TimeSpan SandboxRetryTimeout { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Largest response body read; bigger answers are refused. Default 1 MiB.</summary>
        public int MaxResponseBytes { get; set; } = 1024 * 1024;

        /// <summary>
        /// How the client waits between attempts (and between Metadata deploy polls). Default <see cref="Task.Delay(TimeSpan, CancellationToken)"/>;
        /// tests inject a recorder. Must honour the token.
        /// </summary>
        public Func<TimeSpan, CancellationToken, Task>? Delay { get; set; }

        /// <summary>Clock for the assertion's <c>exp</c> and for <c>issued_at</c> fallbacks. Default the system clock.</summary>
        public TimeProvider? TimeProvider { get; set; }

        /// <summary>
        /// An explicit proxy. Null: the environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) and the OS's system proxy,
        /// as .NET resolves them (on .NET Framework the client reads the environment variables itself).
        /// </summary>
        public IWebProxy? Proxy { get; set; }

        /// <summary>After the token, read API version, org details and the Dev Hub flag. Default true.</summary>
        public bool FetchOrgDetails { get; set; } = true;

        internal static TimeSpan CheckRequestTimeout(TimeSpan timeout, string name)
        {
            if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(name, "A request timeout must be positive.");
            }

            return timeout;
        }

        internal void Validate()
        {
            CheckRequestTimeout(RequestTimeout, nameof(RequestTimeout));

            if (MaxTransportRetries < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxTransportRetries), "MaxTransportRetries must be zero or more.");
            }

            if (MaxResponseBytes < 1024)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), "MaxResponseBytes must be at least 1024.");
            }
        }
    }
}
