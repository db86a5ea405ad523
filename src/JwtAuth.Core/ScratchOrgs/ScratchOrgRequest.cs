using System;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>What New-SfScratchOrg asks for: which Dev Hub, which definition, how many orgs, and what to record for them.</summary>
    public sealed class ScratchOrgRequest
    {
        public const int MaxCount = 100;
        public const int DefaultThrottleLimit = 10;
        public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(900);

        /// <summary>Alias or username of a stored Dev Hub; null: the default Dev Hub.</summary>
        public string? DevHub { get; set; }

        /// <summary>The definition file, already resolved to a full path; null: <see cref="Edition"/>.</summary>
        public string? DefinitionFile { get; set; }

        /// <summary>The edition when there is no definition file; null: Developer.</summary>
        public string? Edition { get; set; }

        public int Count { get; set; } = 1;

        public int DurationDays { get; set; } = ScratchOrgDefinitionOptions.DefaultDurationDays;

        /// <summary>The alias of the one org (only with <see cref="Count"/> 1).</summary>
        public string? Alias { get; set; }

        /// <summary><c>feature</c> names the orgs feature1 .. featureN, in the order they were requested.</summary>
        public string? AliasPrefix { get; set; }

        /// <summary>Make the one org the default org (only with <see cref="Count"/> 1).</summary>
        public bool SetDefault { get; set; }

        /// <summary>At most this many requests to Salesforce at once (inserts, status reads, logins, deploys); waits do not count.</summary>
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>How long each org may take to become Active after it was requested.</summary>
        public TimeSpan Wait { get; set; } = DefaultWait;

        /// <summary>Register each org with the Salesforce CLI too, linked to its Dev Hub.</summary>
        public bool RegisterWithSfCli { get; set; }

        /// <summary>Opens the Dev Hub's key file when it is encrypted (never stored).</summary>
        public string? KeyPassword { get; set; }

        /// <summary>The alias of the org requested at <paramref name="index"/> (0-based), or null.</summary>
        internal string? AliasFor(int index) =>
            !string.IsNullOrEmpty(Alias) ? Alias : string.IsNullOrEmpty(AliasPrefix) ? null : AliasPrefix + (index + 1);
    }
}
