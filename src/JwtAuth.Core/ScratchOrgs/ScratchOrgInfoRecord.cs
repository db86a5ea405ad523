using System;
using System.Linq;
using JwtAuth.Core.Http;
using JwtAuth.Core.OrgApi;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>One ScratchOrgInfo record of a Dev Hub, as far as creating, listing and logging in need it.</summary>
    public sealed class ScratchOrgInfoRecord
    {
        /// <summary>The fields every read asks for, as the CLI's org list reads them plus what the login needs.</summary>
        internal const string Fields = "Id, Status, ErrorCode, SignupUsername, LoginUrl, ScratchOrg, ExpirationDate, CreatedDate, " +
            "SignupInstance, ConnectedAppConsumerKey, Edition, OrgName, CreatedBy.Username";

        private ScratchOrgInfoRecord()
        {
        }

        /// <summary>The record's id, <c>2SR...</c>.</summary>
        public string Id { get; private set; } = string.Empty;

        public ScratchOrgStatus Status { get; private set; }

        /// <summary>The status as Salesforce wrote it (kept for a status this module does not know).</summary>
        public string? StatusText { get; private set; }

        /// <summary>Set when the status is Error, e.g. <c>C-1016</c>.</summary>
        public string? ErrorCode { get; private set; }

        public string? SignupUsername { get; private set; }

        /// <summary>Where to log in, e.g. <c>https://site-power-1234.scratch.my.salesforce.com</c>.</summary>
        public string? LoginUrl { get; private set; }

        /// <summary>The new org's 15-character id.</summary>
        public string? ScratchOrg { get; private set; }

        public DateTime? ExpirationDate { get; private set; }

        public DateTimeOffset? CreatedDate { get; private set; }

        public string? SignupInstance { get; private set; }

        /// <summary>The connected app the new org's admin is pre-authorized for (the CLI's own is <c>PlatformCLI</c>).</summary>
        public string? ConnectedAppConsumerKey { get; private set; }

        public string? Edition { get; private set; }

        public string? OrgName { get; private set; }

        /// <summary>The Dev Hub user who requested the org.</summary>
        public string? CreatedBy { get; private set; }

        public override string ToString() => $"{Id}: {StatusText}{(SignupUsername is null ? string.Empty : " " + SignupUsername)}";

        /// <summary>Reads a record as the REST API returns it (query row or sObject read); a field that is missing or odd stays null.</summary>
        internal static ScratchOrgInfoRecord From(JObject row)
        {
            var status = JsonBody.String(row, "Status");
            return new ScratchOrgInfoRecord
            {
                Id = JsonBody.String(row, "Id") ?? string.Empty,
                StatusText = status,
                Status = ((ScratchOrgStatus[])Enum.GetValues(typeof(ScratchOrgStatus)))
                    .FirstOrDefault(s => string.Equals(s.ToString(), status, StringComparison.OrdinalIgnoreCase)),
                ErrorCode = JsonBody.String(row, "ErrorCode"),
                SignupUsername = JsonBody.String(row, "SignupUsername"),
                LoginUrl = JsonBody.String(row, "LoginUrl"),
                ScratchOrg = JsonBody.String(row, "ScratchOrg"),
                ExpirationDate = SalesforceDate.Parse(JsonBody.String(row, "ExpirationDate"))?.Date,
                CreatedDate = SalesforceDate.Parse(JsonBody.String(row, "CreatedDate")),
                SignupInstance = JsonBody.String(row, "SignupInstance"),
                ConnectedAppConsumerKey = JsonBody.String(row, "ConnectedAppConsumerKey"),
                Edition = JsonBody.String(row, "Edition"),
                OrgName = JsonBody.String(row, "OrgName"),
                CreatedBy = row["CreatedBy"] is JObject user ? JsonBody.String(user, "Username") : null,
            };
        }

        /// <summary>A SOQL string literal: quotes and backslashes escaped, as SOQL requires.</summary>
        internal static string Literal(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
    }
}
