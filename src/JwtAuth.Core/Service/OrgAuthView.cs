using System;
using System.Collections.Generic;
using JwtAuth.Core.Model;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.Service
{
    /// <summary>An auth as the cmdlets show it: the org plus where it is kept and what can be done with it.</summary>
    public sealed class OrgAuthView
    {
        public OrgAuthView(OrgAuth auth, OrgAuthScope scope)
        {
            Auth = auth;
            Scope = scope;
        }

        public OrgAuth Auth { get; }

        /// <summary>Every alias of the org, in the order they were set; <see cref="OrgAuth.Alias"/> is the last.</summary>
        public IReadOnlyList<string> Aliases { get; set; } = Array.Empty<string>();

        /// <summary>CurrentUser, Process, or SfCli for an org the Salesforce CLI knows.</summary>
        public OrgAuthScope Scope { get; }

        public bool IsDefault { get; set; }
        public bool IsDefaultDevHub { get; set; }

        /// <summary>Jwt for our auths; for the CLI's orgs how the CLI authorized them.</summary>
        public string AuthMethod { get; set; } = "Jwt";

        /// <summary>Why the org cannot be renewed or imported, when it cannot.</summary>
        public string? Note { get; set; }

        /// <summary>The stored record behind this view (null for the Salesforce CLI's orgs).</summary>
        internal StoredOrgAuth? Stored { get; set; }

        public bool CanRenew => Auth.Key.IsRenewable && !string.IsNullOrEmpty(Auth.ClientId) && Note is null;

        public override string ToString() => Auth.Username;
    }
}
