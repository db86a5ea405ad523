using System;
using JwtAuth.Core.Login;
using JwtAuth.Core.OrgApi;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>What every scratch org operation works with: the one login client, both stores, the CLI's folders and the bounds.</summary>
    internal sealed class ScratchOrgContext
    {
        public ScratchOrgContext(SalesforceLoginClient client, LayeredOrgAuthView stores, Func<SfCliPaths> sfCliPaths, TimeSpan? requestTimeout,
            DeployPolling deployPolling)
        {
            Client = client;
            Stores = stores;
            SfCliPaths = sfCliPaths;
            RequestTimeout = requestTimeout;
            DeployPolling = deployPolling;
        }

        public SalesforceLoginClient Client { get; }
        public LayeredOrgAuthView Stores { get; }
        public Func<SfCliPaths> SfCliPaths { get; }

        /// <summary>The bound for each HTTP request; null: the client's own.</summary>
        public TimeSpan? RequestTimeout { get; }

        public DeployPolling DeployPolling { get; }

        /// <summary>The process store, which keeps the keys of auths connected in this process.</summary>
        public ProcessOrgAuthStore? ProcessStore => Stores.Process as ProcessOrgAuthStore;
    }
}
