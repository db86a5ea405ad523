using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Http;
using JwtAuth.Core.Login;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.OrgApi
{
    /// <summary>
    /// One org's REST API at one API version, with one access token: SOQL queries (all pages), sObject records (insert,
    /// get, delete), limits and Metadata deploys. Requests go to the org's instance only, over the shared connections of
    /// the <see cref="SalesforceLoginClient"/> that made this client (<see cref="SalesforceLoginClient.OrgApiFor"/>), each
    /// within the request timeout given there. Safe for concurrent use.
    /// </summary>
    /// <remarks>
    /// Salesforce's error lists become <see cref="OrgApiException"/>s; a refused connection, a timeout, a redirect (never
    /// followed) or an answer that is not Salesforce's JSON (an HTML page from a proxy) becomes a
    /// <see cref="TokenEndpointException"/> with the status code. Neither carries the token.
    /// </remarks>
    public sealed class OrgApiClient
    {
        private static readonly Regex VersionPattern = new Regex(@"^[0-9]{1,4}\.[0-9]{1,2}$", RegexOptions.CultureInvariant);
        private static readonly Regex NamePattern = new Regex(@"^[A-Za-z][A-Za-z0-9_]{0,79}$", RegexOptions.CultureInvariant);
        private static readonly Regex IdPattern = new Regex(@"^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$", RegexOptions.CultureInvariant);

        private readonly OrgRest _rest;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly string _dataPath;

        internal OrgApiClient(OrgRest rest, string apiVersion, Func<TimeSpan, CancellationToken, Task>? delay = null)
        {
            if (apiVersion is null || !IsApiVersion(apiVersion))
            {
                throw new JwtAuthException("ApiVersionMalformed", JwtAuthErrorKind.InvalidArgument,
                    $"'{apiVersion}' is not a REST API version.", "Give the version as Salesforce lists it, e.g. 62.0.", apiVersion);
            }

            _rest = rest;
            _delay = delay ?? ((wait, token) => Task.Delay(wait, token));
            ApiVersion = apiVersion;
            _dataPath = "/services/data/v" + apiVersion;
        }

        /// <summary>The instance every request goes to, e.g. <c>https://acme.my.salesforce.com</c>.</summary>
        public string InstanceUrl => LoginUrlPolicy.Format(_rest.Instance);

        /// <summary>e.g. <c>62.0</c>.</summary>
        public string ApiVersion { get; }

        /// <summary>
        /// <c>GET {data}/query?q=...</c>, following <c>nextRecordsUrl</c> while <c>done</c> is false, so every matching
        /// record is returned (each as Salesforce sent it, <c>attributes</c> included).
        /// </summary>
        public async Task<IReadOnlyList<JObject>> QueryAsync(string soql, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(soql))
            {
                throw new ArgumentException("A SOQL query is required.", nameof(soql));
            }

            var records = new List<JObject>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var path = _dataPath + "/query?q=" + Uri.EscapeDataString(soql);
            while (true)
            {
                var answer = await _rest.GetAsync(path, "The query", cancellationToken).ConfigureAwait(false);
                var page = answer.Object();
                if (!(page["records"] is JArray rows))
                {
                    throw answer.Unexpected("has no records list");
                }

                records.AddRange(rows.OfType<JObject>());
                if (JsonValues.Bool(page["done"]) != false)
                {
                    return records;
                }

                var next = JsonBody.String(page, "nextRecordsUrl");
                // The token goes along: follow only a path on this instance's data API, and never the same page twice.
                if (next is null || !next.StartsWith("/services/data/", StringComparison.Ordinal) || next.Contains("..")
                    || next.IndexOf("//", StringComparison.Ordinal) >= 0 || !seen.Add(next))
                {
                    throw answer.Unexpected("says more records follow without a usable nextRecordsUrl on this instance");
                }

                path = next;
            }
        }

        /// <summary><c>POST {data}/sobjects/{type}</c> with <paramref name="fields"/> as JSON; returns the new record's id.</summary>
        public async Task<string> InsertAsync(string sobjectType, JObject fields, CancellationToken cancellationToken = default)
        {
            CheckName(sobjectType, nameof(sobjectType));
            if (fields is null)
            {
                throw new ArgumentNullException(nameof(fields));
            }

            var json = fields.ToString(Formatting.None);
            var answer = await _rest.SendAsync(HttpMethod.Post, SObjectPath(sobjectType),
                () => new StringContent(json, Encoding.UTF8, "application/json"), $"Creating a {sobjectType}", cancellationToken).ConfigureAwait(false);
            var saved = answer.Object();
            var id = JsonBody.String(saved, "id");
            if (JsonValues.Bool(saved["success"]) == false && saved["errors"] is JArray errors)
            {
                var listed = _rest.ErrorsFrom(errors);
                if (listed.Count > 0)
                {
                    throw OrgApiErrors.From(answer.StatusCode, listed, answer.What, answer.Where);
                }
            }

            return id != null && IsRecordId(id) ? id : throw answer.Unexpected("has no record id");
        }

        /// <summary><c>GET {data}/sobjects/{type}/{id}</c>, only <paramref name="fields"/> when given.</summary>
        public async Task<JObject> GetAsync(string sobjectType, string id, IEnumerable<string>? fields = null,
            CancellationToken cancellationToken = default)
        {
            var path = RecordPath(sobjectType, id);
            var names = fields?.ToList();
            if (names != null && names.Count > 0)
            {
                foreach (var name in names)
                {
                    CheckName(name, nameof(fields));
                }

                path += "?fields=" + Uri.EscapeDataString(string.Join(",", names));
            }

            var answer = await _rest.GetAsync(path, $"Reading {sobjectType} {id}", cancellationToken).ConfigureAwait(false);
            return answer.Object();
        }

        /// <summary><c>DELETE {data}/sobjects/{type}/{id}</c> (Salesforce answers 204).</summary>
        public async Task DeleteAsync(string sobjectType, string id, CancellationToken cancellationToken = default)
        {
            await _rest.SendAsync(HttpMethod.Delete, RecordPath(sobjectType, id), null, $"Deleting {sobjectType} {id}", cancellationToken)
                .ConfigureAwait(false);
        }

        /// <summary><c>GET {data}/limits</c>: each limit with a Max and a Remaining, by name (e.g. <c>DailyScratchOrgs</c>).</summary>
        public async Task<IReadOnlyDictionary<string, OrgLimit>> GetLimitsAsync(CancellationToken cancellationToken = default)
        {
            var answer = await _rest.GetAsync(_dataPath + "/limits", "The limits resource", cancellationToken).ConfigureAwait(false);
            var limits = new Dictionary<string, OrgLimit>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in answer.Object().Properties())
            {
                if (property.Value is JObject limit && JsonValues.Long(limit["Max"]) is long max && JsonValues.Long(limit["Remaining"]) is long remaining)
                {
                    limits[property.Name] = new OrgLimit(property.Name, max, remaining);
                }
            }

            return limits;
        }

        /// <summary>
        /// Deploys a zip (package.xml and components) through the Metadata REST API and polls its status until it is
        /// Succeeded, SucceededPartial, Failed or Canceled; the result lists the component failures. Each status read is
        /// reported to <paramref name="progress"/>.
        /// </summary>
        /// <param name="deployOptions">The documented deployOptions (e.g. <c>{"singlePackage":true}</c>); null sends none.</param>
        /// <exception cref="OrgApiException">DeployTimedOut when the deploy is not finished within the polling timeout.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the deploy may go on in the org).</exception>
        public Task<DeployResult> DeployAsync(byte[] zip, JObject? deployOptions, DeployPolling polling, IProgress<DeployResult>? progress = null,
            CancellationToken cancellationToken = default)
        {
            if (zip is null)
            {
                throw new ArgumentNullException(nameof(zip));
            }

            if (polling is null)
            {
                throw new ArgumentNullException(nameof(polling));
            }

            return new MetadataDeploy(_rest, _dataPath, _delay).RunAsync(zip, deployOptions ?? new JObject(), polling, progress, cancellationToken);
        }

        internal static bool IsApiVersion(string? text) => text != null && VersionPattern.IsMatch(text);

        internal static bool IsRecordId(string text) => IdPattern.IsMatch(text);

        private string SObjectPath(string sobjectType) => _dataPath + "/sobjects/" + sobjectType;

        private string RecordPath(string sobjectType, string id)
        {
            CheckName(sobjectType, nameof(sobjectType));
            if (id is null || !IsRecordId(id))
            {
                throw new JwtAuthException("RecordIdMalformed", JwtAuthErrorKind.InvalidArgument,
                    "The record id is not a Salesforce id (15 or 18 letters and digits).", "Pass the record's Id as Salesforce returned it.", id);
            }

            return SObjectPath(sobjectType) + "/" + id;
        }

        // Names end up in the URL path: only what Salesforce allows in API names, so nothing can step elsewhere.
        private static void CheckName(string name, string parameter)
        {
            if (name is null || !NamePattern.IsMatch(name))
            {
                throw new JwtAuthException("ApiNameMalformed", JwtAuthErrorKind.InvalidArgument,
                    $"'{name}' is not an API name ({parameter}): letters, digits and underscores, starting with a letter.",
                    "Use the object's or field's API name, e.g. ScratchOrgInfo or SignupUsername.", name);
            }
        }
    }
}
