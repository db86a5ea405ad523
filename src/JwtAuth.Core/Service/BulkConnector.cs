using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Keys;
using JwtAuth.Core.OAuth;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.Service
{
    /// <summary>
    /// Connects a batch of orgs: each distinct key is loaded once, logins run up to the throttle at once
    /// over one client, and each org is stored (and registered with the Salesforce CLI when asked) as
    /// soon as its login completes. A failure is reported for its org only and stores nothing.
    /// </summary>
    internal sealed class BulkConnector
    {
        private readonly SalesforceLoginClient _client;
        private readonly IOrgAuthStore _persisted;
        private readonly IOrgAuthStore _process;
        private readonly Func<SfCliPaths> _sfCliPaths;

        public BulkConnector(SalesforceLoginClient client, IOrgAuthStore persisted, IOrgAuthStore process, Func<SfCliPaths> sfCliPaths)
        {
            _client = client;
            _persisted = persisted;
            _process = process;
            _sfCliPaths = sfCliPaths;
        }

        public async Task ConnectAsync(IReadOnlyList<ConnectRequest> requests, int throttleLimit, Action<ConnectResult> onResult,
            Action<string> onVerbose, CancellationToken cancellationToken)
        {
            var progress = new InlineProgress<LoginProgress>(p => onVerbose(p.Message));
            foreach (var group in requests.GroupBy(r => r.Key.Identity))
            {
                var batch = group.ToList();
                var ready = new List<ConnectRequest>();
                foreach (var request in batch)
                {
                    var refusal = CheckBeforeLogin(request);
                    if (refusal is null) ready.Add(request);
                    else onResult(new ConnectResult(request.Username, null, refusal));
                }
                if (ready.Count == 0) continue;

                SigningKey key;
                try
                {
                    key = batch[0].Key.Load();
                }
                catch (Exception ex) when (!(ex is OperationCanceledException))
                {
                    foreach (var request in ready) onResult(new ConnectResult(request.Username, null, ex));
                    continue;
                }

                using (key)
                {
                    onVerbose($"Signing with {key.Description} ({key.KeySize}-bit RSA).");
                    var logins = ready.Select(ToLogin).ToList();
                    await BulkLogin.LoginManyAsync(_client, logins, key.Rsa, key.Reference, throttleLimit,
                        result => onResult(Complete(ready[result.Index], result)), progress, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        // What can be known wrong before anything is sent: then the assertion is never signed or posted.
        private static Exception? CheckBeforeLogin(ConnectRequest request)
        {
            if (!request.RegisterWithSfCli) return null;
            try
            {
                SfCliKeyRequirement.EnsureUsable(request.Key.SfCliSource, request.Key.FilePath);
                return null;
            }
            catch (SfCliException ex)
            {
                return ex;
            }
        }

        private static JwtLoginRequest ToLogin(ConnectRequest request) => new JwtLoginRequest
        {
            ClientId = request.ClientId,
            Username = request.Username,
            LoginUrl = string.IsNullOrWhiteSpace(request.LoginUrl) ? "https://login.salesforce.com" : request.LoginUrl,
            Audience = string.IsNullOrWhiteSpace(request.Audience) ? null : request.Audience,
            RetryTimeout = request.RetryTimeout,
        };

        private ConnectResult Complete(ConnectRequest request, BulkLoginResult result)
        {
            if (result.Error != null) return new ConnectResult(request.Username, null, result.Error);
            try
            {
                var auth = result.Auth!;
                auth.Alias = string.IsNullOrWhiteSpace(request.Alias) ? null : request.Alias;
                var store = request.ProcessScope ? _process : _persisted;
                // What the CLI hand-over would refuse (e.g. -SetDefaultDevHub on a scratch org, known only after login)
                // must fail the org before it is stored here, or the error would leave the auth and its marks behind.
                var registrar = request.RegisterWithSfCli ? new SfCliAuthRegistrar(_sfCliPaths()) : null;
                registrar?.EnsureCanRegister(auth, request.Key.FilePath!, auth.Alias, request.SetDefaultDevHub);
                var stored = store.Save(auth, request.SetDefault, request.SetDefaultDevHub);
                registrar?.Register(auth, request.Key.FilePath!, auth.Alias, request.SetDefault, request.SetDefaultDevHub);
                return new ConnectResult(request.Username, OrgAuthViews.From(stored), null);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return new ConnectResult(request.Username, null, ex);
            }
        }
    }
}
