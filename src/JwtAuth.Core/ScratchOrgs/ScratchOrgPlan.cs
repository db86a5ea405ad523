using System.Collections.Generic;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>A checked New-SfScratchOrg request: its Dev Hub found and its definition read, before any call.</summary>
    public sealed class ScratchOrgPlan
    {
        internal ScratchOrgPlan(ScratchOrgRequest request, StoredOrgAuth devHub, ScratchOrgDefinition definition, IReadOnlyList<string> warnings)
        {
            Request = request;
            DevHub = devHub;
            Definition = definition;
            Warnings = warnings;
        }

        public ScratchOrgRequest Request { get; }

        public StoredOrgAuth DevHub { get; }

        /// <summary>The Dev Hub's alias, or its username: how messages and commands name it.</summary>
        public string DevHubName => DevHub.Auth.Alias ?? DevHub.Username;

        public ScratchOrgDefinition Definition { get; }

        /// <summary>What to tell the user before the run (retired features, a Dev Hub the Salesforce CLI does not know).</summary>
        public IReadOnlyList<string> Warnings { get; }
    }
}
