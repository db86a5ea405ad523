using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Http;
using JwtAuth.Core.OrgApi;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.OrgDetails
{
    /// <summary>
    /// The Salesforce CLI's follow-up calls after a token, over the org API: the latest API version (cached per instance),
    /// then the Organization row and the Dev Hub check, concurrently. Failures are reported, never thrown. Also the
    /// stored-token check, which is the same Organization query.
    /// </summary>
    internal sealed class OrgDetailsReader
    {
        internal const string OrganizationSoql =
            "SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM Organization";

        internal const string DevHubSoql = "SELECT Id FROM ScratchOrgInfo limit 1";

        private readonly HttpSender _sender;

        public OrgDetailsReader(HttpSender sender)
        {
            _sender = sender;
        }

        public ApiVersionCache Versions { get; } = new ApiVersionCache();

        /// <param name="checkDevHub">False skips the ScratchOrgInfo query: an org that accepted the sandbox audience
        /// is a sandbox or scratch org, never a Dev Hub, so bulk scratch-org logins save a request each.</param>
        public async Task<OrgDetailsResult> ReadAsync(Uri instance, string accessToken, TimeSpan requestTimeout, bool checkDevHub,
            Action<string> report, CancellationToken cancellationToken)
        {
            var rest = new OrgRest(_sender, instance, accessToken, requestTimeout);
            var details = new OrgDetailsResult();
            try
            {
                details.ApiVersion = await Versions.GetLatestAsync(rest, cancellationToken).ConfigureAwait(false);
            }
            catch (JwtAuthException ex)
            {
                report($"Could not read the org's API versions, so org details and OrgType stay unknown: {ex.Problem}");
                return details;
            }

            var api = new OrgApiClient(rest, details.ApiVersion);
            var organization = ReadOrganizationAsync(api, report, cancellationToken);
            var devHub = checkDevHub ? CheckDevHubAsync(api, report, cancellationToken) : Task.FromResult<bool?>(false);
            await Task.WhenAll(organization, devHub).ConfigureAwait(false);
            details.Organization = await organization.ConfigureAwait(false);
            details.IsDevHub = await devHub.ConfigureAwait(false);
            return details;
        }

        /// <summary>
        /// The stored-token check: true when the Organization query answers, false when Salesforce refuses the session
        /// (401 or 403); anything else is thrown, as the check cannot tell. The version is looked up when not given.
        /// </summary>
        public async Task<bool> IsTokenValidAsync(Uri instance, string accessToken, string? version, TimeSpan requestTimeout,
            CancellationToken cancellationToken)
        {
            var rest = new OrgRest(_sender, instance, accessToken, requestTimeout);
            version ??= await Versions.GetLatestAsync(rest, cancellationToken).ConfigureAwait(false);
            try
            {
                await new OrgApiClient(rest, version).QueryAsync(OrganizationSoql, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (OrgApiException ex) when (ex.StatusCode == 401 || ex.StatusCode == 403)
            {
                return false;
            }
            catch (TokenEndpointException ex) when (ex.StatusCode == 401 || ex.StatusCode == 403)
            {
                return false;
            }
        }

        private static async Task<OrganizationRecord?> ReadOrganizationAsync(OrgApiClient api, Action<string> report,
            CancellationToken cancellationToken)
        {
            try
            {
                var records = await api.QueryAsync(OrganizationSoql, cancellationToken).ConfigureAwait(false);
                if (!(records.FirstOrDefault() is JObject row))
                {
                    report("The Organization query returned no row, so OrgType stays unknown.");
                    return null;
                }

                return new OrganizationRecord
                {
                    Name = JsonBody.String(row, "Name"),
                    InstanceName = JsonBody.String(row, "InstanceName"),
                    IsSandbox = row["IsSandbox"]?.Type == JTokenType.Boolean && (bool)row["IsSandbox"]!,
                    TrialExpirationDate = SalesforceDate.Parse(JsonBody.String(row, "TrialExpirationDate")),
                    NamespacePrefix = JsonBody.String(row, "NamespacePrefix"),
                    OrganizationType = JsonBody.String(row, "OrganizationType"),
                };
            }
            catch (JwtAuthException ex)
            {
                report($"Could not read the Organization row, so OrgType stays unknown: {ex.Problem}");
                return null;
            }
        }

        // The CLI's rule: any answer below 400 means Dev Hub, so a refusal is false and only a missing answer is unknown.
        private static async Task<bool?> CheckDevHubAsync(OrgApiClient api, Action<string> report, CancellationToken cancellationToken)
        {
            try
            {
                await api.QueryAsync(DevHubSoql, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (OrgApiException)
            {
                return false;
            }
            catch (TokenEndpointException ex) when (ex.StatusCode.HasValue && ex.ErrorId != "ResponseTooLarge")
            {
                return ex.StatusCode.Value < 400;
            }
            catch (JwtAuthException ex)
            {
                report($"Could not check whether the org is a Dev Hub: {ex.Problem}");
                return null;
            }
        }
    }
}
