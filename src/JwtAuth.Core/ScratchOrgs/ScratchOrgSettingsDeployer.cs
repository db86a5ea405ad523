using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Model;
using JwtAuth.Core.OrgApi;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// Deploys a definition's settings and objectSettings to a new, Active scratch org as the CLI does (the
    /// <see cref="SettingsPackage"/> zip through the Metadata REST API), polled to completion. The request slot is held
    /// for each request of the deploy, not for its pauses.
    /// </summary>
    internal sealed class ScratchOrgSettingsDeployer
    {
        private static readonly JObject DeployOptions = new JObject { ["singlePackage"] = true, ["rollbackOnError"] = true };

        private readonly ScratchOrgContext _context;
        private readonly RequestSlots _slots;

        public ScratchOrgSettingsDeployer(ScratchOrgContext context, RequestSlots slots)
        {
            _context = context;
            _slots = slots;
        }

        /// <exception cref="ScratchOrgException">ScratchOrgSettingsNotDeployed naming the failing components (or the deploy's own error).</exception>
        public async Task DeployAsync(OrgAuth org, ScratchOrgInfoRecord record, ScratchOrgSettings settings, string fallbackApiVersion,
            Action<string> verbose, CancellationToken cancellationToken)
        {
            var apiVersion = org.ApiVersion ?? fallbackApiVersion;
            var package = SettingsPackage.Build(settings, apiVersion);
            var api = _context.Client.OrgApiFor(org.InstanceUrl, apiVersion, org.AccessToken!, _context.RequestTimeout,
                _slots.WaitingOutside(_context.Client.Delay));
            verbose($"Deploying the settings to {org.Username}: {string.Join(", ", package.EntryNames.Skip(1))}.");
            DeployResult result;
            try
            {
                result = await _slots.RunAsync(() => api.DeployAsync(package.ToArray(), (JObject)DeployOptions.DeepClone(), _context.DeployPolling, null, cancellationToken),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (OrgApiException ex) when (ex.ErrorId == OrgApiErrors.DeployTimedOut)
            {
                throw ScratchOrgErrors.SettingsNotDeployed(record, ex.Problem, ex);
            }
            catch (JwtAuthException ex) when (!(ex is ScratchOrgException))
            {
                throw ScratchOrgErrors.SettingsNotDeployed(record, $"the deploy could not be made ({ex.Problem})", ex);
            }

            if (result.Success && result.Status == DeployStatus.Succeeded)
            {
                verbose($"Deployed the settings to {org.Username} ({result.Id}).");
                return;
            }

            var failures = result.ComponentFailures.Count == 0
                ? result.ErrorMessage ?? "Salesforce named no failing component"
                : string.Join("; ", result.ComponentFailures.Select(f => $"{f.ComponentType} {f.FullName} ({f.FileName}): {f.Problem}"));
            throw ScratchOrgErrors.SettingsNotDeployed(record, $"deploy {result.Id} ended {result.Status}: {failures}.", null);
        }
    }
}
