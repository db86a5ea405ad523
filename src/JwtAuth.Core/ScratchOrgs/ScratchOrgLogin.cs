using System;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Jwt;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Login;
using JwtAuth.Core.Model;
using JwtAuth.Core.Service;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// Logs in to a new scratch org by JWT as its signup user, with the Dev Hub's connected app and key, at the record's
    /// LoginUrl with the audience https://test.salesforce.com. The user replicates a while after the org is Active: "user
    /// hasn't approved this consumer" is waited out on the status reads' schedule (<see cref="ScratchOrgPolling"/>), within the
    /// client's bound, with the request slot given back, so orgs waiting for replication do not hold up the others' requests.
    /// Not the client's replication backoff (5 s, then doubling): a scratch admin usually replicates seconds after Active, and
    /// a 5 s first wait made every org of a 50-org run connect about 4 s after it could have (bench/results/scratch-orgs.md).
    /// </summary>
    internal sealed class ScratchOrgLogin
    {
        private readonly ScratchOrgContext _context;
        private readonly RequestSlots _slots;
        private readonly SigningKey _key;
        private readonly DevHubSession _hub;

        public ScratchOrgLogin(ScratchOrgContext context, RequestSlots slots, SigningKey key, DevHubSession hub)
        {
            _context = context;
            _slots = slots;
            _key = key;
            _hub = hub;
        }

        /// <summary>The org's auth (token and details), still to be stored; OrgType is Scratch and the Dev Hub link is set.</summary>
        public async Task<OrgAuth> LoginAsync(ScratchOrgInfoRecord record, Action<string> verbose, CancellationToken cancellationToken)
        {
            var client = _context.Client;
            var options = client.Options;
            var request = new JwtLoginRequest
            {
                ClientId = _hub.ClientId,
                Username = record.SignupUsername ?? string.Empty,
                LoginUrl = record.LoginUrl ?? string.Empty,
                Audience = AudienceResolver.Sandbox,
                RetryTimeout = TimeSpan.Zero,
                RequestTimeout = _context.RequestTimeout,
            };
            var progress = new InlineProgress<LoginProgress>(p => verbose($"{p.Username}: {p.Message}"));
            var waited = TimeSpan.Zero;
            TokenGrant grant;
            while (true)
            {
                try
                {
                    grant = await _slots.RunAsync(() => client.ExchangeTokenAsync(request, _key.Rsa, _hub.Hub.Auth.Key, progress, cancellationToken), cancellationToken)
                        .ConfigureAwait(false);
                    break;
                }
                catch (SalesforceAuthException ex) when (ex.ErrorId == SalesforceErrorCatalog.UserNotApprovedId)
                {
                    if (waited >= options.SandboxRetryTimeout) throw ScratchOrgErrors.UserNotReplicated(record, _hub.ClientId, waited, _hub.Name, ex);
                    var wait = ScratchOrgPolling.NextWait(waited);
                    if (wait > options.SandboxRetryTimeout - waited) wait = options.SandboxRetryTimeout - waited;
                    verbose($"The new user {request.Username} has not replicated yet (\"user hasn't approved this consumer\"); trying again in {wait.TotalSeconds:0.#} s.");
                    await client.Delay(wait, cancellationToken).ConfigureAwait(false);
                    waited += wait;
                }
            }

            var auth = await _slots.RunAsync(() => client.ReadOrgDetailsAsync(grant, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
            auth.OrgType = OrgType.Scratch;
            auth.ScratchOrg = new ScratchOrgOrigin
            {
                DevHubUsername = _hub.Username,
                ScratchOrgInfoId = record.Id,
                ExpirationDate = record.ExpirationDate,
                CreatedDate = record.CreatedDate,
                SignupInstance = record.SignupInstance,
            };
            return auth;
        }
    }
}
