using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.OAuth
{
    /// <summary>
    /// The Salesforce CLI's follow-up calls after a token: the latest API version, the Organization row and the
    /// Dev Hub check, the last two concurrently. The API version list is cached per instance host, so a bulk
    /// login of many scratch orgs on one instance asks once. Failures are reported, never thrown.
    /// </summary>
    internal sealed class OrgDetailsReader
    {
        internal const string OrganizationSoql =
            "SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM Organization";

        internal const string DevHubSoql = "SELECT Id FROM ScratchOrgInfo limit 1";

        private static readonly Regex VersionPattern = new Regex(@"^[0-9]{1,4}\.[0-9]{1,2}$", RegexOptions.CultureInvariant);
        private static readonly Regex CompactOffset = new Regex(@"([+-][0-9]{2})([0-9]{2})$", RegexOptions.CultureInvariant);

        private readonly HttpSender _sender;
        private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _versions =
            new ConcurrentDictionary<string, Lazy<Task<string>>>(StringComparer.OrdinalIgnoreCase);

        public OrgDetailsReader(HttpSender sender)
        {
            _sender = sender;
        }

        /// <summary>How many /services/data requests this reader has made (the cache's effect, for tests and benchmarks).</summary>
        internal int VersionRequests;

        /// <param name="checkDevHub">False skips the ScratchOrgInfo query: an org that accepted the sandbox audience
        /// is a sandbox or scratch org, never a Dev Hub, so bulk scratch-org logins save a request each.</param>
        public async Task<OrgDetails> ReadAsync(Uri instance, string accessToken, bool checkDevHub, Action<string> report,
            CancellationToken cancellationToken)
        {
            var details = new OrgDetails();
            try
            {
                details.ApiVersion = await GetLatestVersionAsync(instance, accessToken, cancellationToken).ConfigureAwait(false);
            }
            catch (TokenEndpointException ex)
            {
                report($"Could not read the org's API versions, so org details and OrgType stay unknown: {ex.Problem}");
                return details;
            }

            var organization = QueryOrganizationAsync(instance, accessToken, details.ApiVersion, report, cancellationToken);
            var devHub = checkDevHub
                ? CheckDevHubAsync(instance, accessToken, details.ApiVersion, report, cancellationToken)
                : Task.FromResult<bool?>(false);
            await Task.WhenAll(organization, devHub).ConfigureAwait(false);
            details.Organization = await organization.ConfigureAwait(false);
            details.IsDevHub = await devHub.ConfigureAwait(false);
            return details;
        }

        private async Task<string> GetLatestVersionAsync(Uri instance, string accessToken, CancellationToken cancellationToken)
        {
            var key = instance.GetLeftPart(UriPartial.Authority);
            var entry = _versions.GetOrAdd(key, _ => new Lazy<Task<string>>(() => FetchLatestVersionAsync(instance, accessToken)));
            try
            {
                return await WithCancellation(entry.Value, cancellationToken).ConfigureAwait(false);
            }
            catch (TokenEndpointException)
            {
                // Failures are not cached: the next login on this instance asks again.
                ((ICollection<KeyValuePair<string, Lazy<Task<string>>>>)_versions).Remove(new KeyValuePair<string, Lazy<Task<string>>>(key, entry));
                throw;
            }
        }

        // Shared by every login on the instance, so it runs under the request timeout only, not one caller's token.
        private async Task<string> FetchLatestVersionAsync(Uri instance, string accessToken)
        {
            Interlocked.Increment(ref VersionRequests);
            var url = new Uri(instance, "/services/data");
            var reply = await _sender.SendAsync(() => Get(url, accessToken), "The REST API", CancellationToken.None).ConfigureAwait(false);
            var where = url.GetLeftPart(UriPartial.Path);
            if (!reply.IsSuccess)
            {
                throw Failed(where, reply);
            }

            var versions = JsonBody.ParseArray(reply, where, "The REST API")
                .OfType<JObject>()
                .Select(v => JsonBody.String(v, "version"))
                .Where(v => v != null && VersionPattern.IsMatch(v))
                .Select(v => decimal.Parse(v!, CultureInfo.InvariantCulture))
                .ToList();
            if (versions.Count == 0)
            {
                throw new TokenEndpointException("ResponseUnexpected", JwtAuthErrorKind.InvalidData,
                    $"The REST API at {where} listed no API versions.", "Nothing to fix for the login itself.", where);
            }

            return versions.Max().ToString("0.0", CultureInfo.InvariantCulture);
        }

        private async Task<OrganizationRecord?> QueryOrganizationAsync(Uri instance, string accessToken, string version,
            Action<string> report, CancellationToken cancellationToken)
        {
            try
            {
                var reply = await QueryAsync(instance, accessToken, version, OrganizationSoql, cancellationToken).ConfigureAwait(false);
                var where = QueryPath(instance, version);
                if (!reply.IsSuccess)
                {
                    throw Failed(where, reply);
                }

                var records = JsonBody.Parse(reply, where, "The Organization query")["records"] as JArray;
                if (!(records?.FirstOrDefault() is JObject row))
                {
                    report("The Organization query returned no row, so OrgType stays unknown.");
                    return null;
                }

                return new OrganizationRecord
                {
                    Name = JsonBody.String(row, "Name"),
                    InstanceName = JsonBody.String(row, "InstanceName"),
                    IsSandbox = row["IsSandbox"]?.Type == JTokenType.Boolean && (bool)row["IsSandbox"]!,
                    TrialExpirationDate = ParseSalesforceDate(JsonBody.String(row, "TrialExpirationDate")),
                    NamespacePrefix = JsonBody.String(row, "NamespacePrefix"),
                    OrganizationType = JsonBody.String(row, "OrganizationType"),
                };
            }
            catch (TokenEndpointException ex)
            {
                report($"Could not read the Organization row, so OrgType stays unknown: {ex.Problem}");
                return null;
            }
        }

        private async Task<bool?> CheckDevHubAsync(Uri instance, string accessToken, string version,
            Action<string> report, CancellationToken cancellationToken)
        {
            try
            {
                var reply = await QueryAsync(instance, accessToken, version, DevHubSoql, cancellationToken).ConfigureAwait(false);
                return reply.StatusCode < 400;
            }
            catch (TokenEndpointException ex)
            {
                report($"Could not check whether the org is a Dev Hub: {ex.Problem}");
                return null;
            }
        }

        /// <summary>The Organization query's raw reply (the stored-token check); the version is looked up when not given.</summary>
        internal async Task<HttpReply> QueryOrganizationAsync(Uri instance, string accessToken, string? version, CancellationToken cancellationToken)
        {
            version ??= await GetLatestVersionAsync(instance, accessToken, cancellationToken).ConfigureAwait(false);
            return await QueryAsync(instance, accessToken, version, OrganizationSoql, cancellationToken).ConfigureAwait(false);
        }

        private Task<HttpReply> QueryAsync(Uri instance, string accessToken, string version, string soql, CancellationToken cancellationToken)
        {
            var url = new Uri(QueryPath(instance, version) + "?q=" + Uri.EscapeDataString(soql));
            return _sender.SendAsync(() => Get(url, accessToken), "The REST API", cancellationToken);
        }

        private static string QueryPath(Uri instance, string version) =>
            instance.GetLeftPart(UriPartial.Authority) + "/services/data/v" + version + "/query";

        private static HttpRequestMessage Get(Uri url, string accessToken)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return request;
        }

        private static TokenEndpointException Failed(string where, HttpReply reply) =>
            new TokenEndpointException("RestCallFailed", JwtAuthErrorKind.ResourceUnavailable,
                $"GET {where} answered {reply.Describe()}.", "Nothing to fix for the login itself.", where)
            { StatusCode = reply.StatusCode, ContentType = reply.ContentType };

        /// <summary>Salesforce dates look like <c>2026-12-01T00:00:00.000+0000</c> (no colon in the offset) or <c>2026-12-01</c>.</summary>
        internal static DateTimeOffset? ParseSalesforceDate(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var normalized = CompactOffset.Replace(text!.Trim(), "$1:$2");
            return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
                ? value
                : (DateTimeOffset?)null;
        }

        private static async Task<T> WithCancellation<T>(Task<T> task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || task.IsCompleted)
            {
                return await task.ConfigureAwait(false);
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            return await task.ConfigureAwait(false);
        }
    }
}
