using System;
using System.Collections.Generic;
using JwtAuth.Core.Jwt;
using JwtAuth.Core.Model;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// A scratch org as New-SfScratchOrg and Get-SfScratchOrg show it: its ScratchOrgInfo record, what this machine stores
    /// for it, and what Connect-SfOrgJwt needs to log in to it with the Dev Hub's connected app and key.
    /// </summary>
    public sealed class ScratchOrgView
    {
        public string? Username { get; internal set; }

        /// <summary>The 18-character org id when the org is stored here, else the record's 15-character one.</summary>
        public string? OrgId { get; internal set; }

        public string? LoginUrl { get; internal set; }

        /// <summary>The instance, when the org is stored here.</summary>
        public string? InstanceUrl { get; internal set; }

        /// <summary>Its alias here (the one set last), when stored here.</summary>
        public string? Alias { get; internal set; }

        /// <summary>The Dev Hub's username.</summary>
        public string DevHub { get; internal set; } = string.Empty;

        public ScratchOrgStatus Status { get; internal set; }

        public string? ErrorCode { get; internal set; }

        public DateTime? ExpirationDate { get; internal set; }

        public string ScratchOrgInfoId { get; internal set; } = string.Empty;

        public string? CreatedBy { get; internal set; }

        public DateTimeOffset? CreatedDate { get; internal set; }

        public string? Edition { get; internal set; }

        public string? OrgName { get; internal set; }

        /// <summary>Always <c>https://test.salesforce.com</c>: the audience scratch orgs accept.</summary>
        public string Audience => AudienceResolver.Sandbox;

        /// <summary>The consumer key of the app the org's admin is pre-authorized for: the Dev Hub's for orgs JwtAuth creates.</summary>
        public string? ClientId { get; internal set; }

        /// <summary>The Dev Hub's key (file or certificate store), when it can log in to this org; else null.</summary>
        public KeyReference? Key { get; internal set; }

        /// <summary>True when the Dev Hub's connected app and key can log in to the org by JWT.</summary>
        public bool CanConnectByJwt { get; internal set; }

        /// <summary>Why <see cref="CanConnectByJwt"/> is false; null when it is true.</summary>
        public string? CannotConnectReason { get; internal set; }

        /// <summary>True when this machine (this user's store or this process) holds an auth for the org.</summary>
        public bool IsStoredHere { get; internal set; }

        /// <summary>Where the org's auth is kept here (CurrentUser or Process); DevHub when only the Dev Hub knows it.</summary>
        public OrgAuthScope Scope { get; internal set; } = OrgAuthScope.DevHub;

        /// <summary>Every alias of the org here, in the order they were set.</summary>
        public IReadOnlyList<string> Aliases { get; internal set; } = Array.Empty<string>();

        public string? UserId { get; internal set; }

        public bool IsDefault { get; internal set; }

        /// <summary>When the stored token was issued, when the org is stored here.</summary>
        public DateTimeOffset? IssuedAt { get; internal set; }

        public string? ApiVersion { get; internal set; }

        public override string ToString() => Username ?? ScratchOrgInfoId;

        /// <summary>The record as the Dev Hub <paramref name="hub"/> sees it; <paramref name="stored"/> is the org's auth here, if any.</summary>
        internal static ScratchOrgView From(ScratchOrgInfoRecord record, OrgAuth hub, Store.StoredOrgAuth? stored)
        {
            var reason = WhyNotConnectable(record, hub.ClientId);
            return new ScratchOrgView
            {
                Username = record.SignupUsername,
                OrgId = stored != null && !string.IsNullOrEmpty(stored.Auth.OrgId) ? stored.Auth.OrgId : record.ScratchOrg,
                LoginUrl = record.LoginUrl,
                InstanceUrl = stored != null && !string.IsNullOrEmpty(stored.Auth.InstanceUrl) ? stored.Auth.InstanceUrl : null,
                Alias = stored?.Alias,
                DevHub = hub.Username,
                Status = record.Status,
                ErrorCode = record.ErrorCode,
                ExpirationDate = record.ExpirationDate,
                ScratchOrgInfoId = record.Id,
                CreatedBy = record.CreatedBy,
                CreatedDate = record.CreatedDate,
                Edition = record.Edition,
                OrgName = record.OrgName,
                ClientId = record.ConnectedAppConsumerKey,
                // Only an org that can be logged in to gets the key: piped into Connect-SfOrgJwt, the others then fail at once
                // (no key, or PlatformCLI) instead of waiting out a replication that will never come.
                Key = reason is null || IsPlatformCli(record) ? hub.Key : null,
                CanConnectByJwt = reason is null,
                CannotConnectReason = reason,
                IsStoredHere = stored != null,
                Scope = stored?.Scope ?? OrgAuthScope.DevHub,
                Aliases = stored?.Aliases ?? Array.Empty<string>(),
                UserId = stored?.Auth.UserId,
                IsDefault = stored?.IsDefault ?? false,
                IssuedAt = stored is null || stored.Auth.IssuedAt == default ? (DateTimeOffset?)null : stored.Auth.IssuedAt,
                ApiVersion = stored?.Auth.ApiVersion,
            };
        }

        private static string? WhyNotConnectable(ScratchOrgInfoRecord record, string hubClientId)
        {
            if (record.Status != ScratchOrgStatus.Active)
                return $"Its status is {record.StatusText ?? "unknown"}: only an Active scratch org can be logged in to.";
            if (string.IsNullOrEmpty(record.SignupUsername) || string.IsNullOrEmpty(record.LoginUrl))
                return "Its record has no SignupUsername or LoginUrl to log in with.";
            if (IsPlatformCli(record))
                return "It was created by a Dev Hub authorized in a browser: its admin trusts PlatformCLI, the Salesforce CLI's own app, which accepts no JWT. Log in with 'sf org login web'.";
            if (!string.Equals(record.ConnectedAppConsumerKey, hubClientId, StringComparison.Ordinal))
                return $"Its admin is pre-authorized for another connected app ({record.ConnectedAppConsumerKey ?? "none"}), not the Dev Hub's ({hubClientId}): connect it with that app's consumer key and key.";
            return null;
        }

        private static bool IsPlatformCli(ScratchOrgInfoRecord record) =>
            string.Equals(record.ConnectedAppConsumerKey, AssertionIdentity.PlatformCli, StringComparison.OrdinalIgnoreCase);
    }
}
