using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Login;
using JwtAuth.Core.Model;
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
        private readonly TimeSpan? _requestTimeout;

        public BulkConnector(SalesforceLoginClient client, IOrgAuthStore persisted, IOrgAuthStore process, Func<SfCliPaths> sfCliPaths,
            TimeSpan? requestTimeout)
        {
            _client = client;
            _persisted = persisted;
            _process = process;
            _sfCliPaths = sfCliPaths;
            _requestTimeout = requestTimeout;
        }

        public async Task ConnectAsync(IReadOnlyList<ConnectRequest> requests, int throttleLimit, Action<ConnectResult> onResult,
            Action<string> onVerbose, Action<string> onWarning, CancellationToken cancellationToken)
        {
            var progress = VerboseLoginProgress.To(onVerbose);
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
                using (var completed = new BlockingCollection<(ConnectRequest Request, BulkLoginResult Result)>())
                {
                    if (key.PasswordNotNeededWarning != null) onWarning(key.PasswordNotNeededWarning);
                    onVerbose($"Signing with {key.Description} ({key.KeySize}-bit RSA).");
                    var logins = ready.Select(ToLogin).ToList();
                    // Logins that complete while a save is running are stored together: one store lock and one
                    // settings.json write per batch instead of per org. A dedicated thread, because saving blocks on disk.
                    var saver = Task.Factory.StartNew(() => StoreAsCompleted(completed, onResult, cancellationToken), CancellationToken.None,
                        TaskCreationOptions.LongRunning, TaskScheduler.Default);
                    try
                    {
                        await BulkLogin.LoginManyAsync(_client, logins, key.Rsa, key.Reference, throttleLimit,
                            result => completed.Add((ready[result.Index], result)), progress, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        completed.CompleteAdding();
                        await saver.ConfigureAwait(false);
                    }
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

        private JwtLoginRequest ToLogin(ConnectRequest request) => new JwtLoginRequest
        {
            ClientId = request.ClientId,
            Username = request.Username,
            LoginUrl = string.IsNullOrWhiteSpace(request.LoginUrl) ? LoginUrlPolicy.DefaultLoginUrl : request.LoginUrl,
            Audience = string.IsNullOrWhiteSpace(request.Audience) ? null : request.Audience,
            RetryTimeout = request.RetryTimeout,
            RequestTimeout = _requestTimeout,
        };

        private void StoreAsCompleted(BlockingCollection<(ConnectRequest Request, BulkLoginResult Result)> completed, Action<ConnectResult> onResult,
            CancellationToken cancellationToken)
        {
            foreach (var first in completed.GetConsumingEnumerable())
            {
                var batch = new List<(ConnectRequest Request, BulkLoginResult Result)> { first };
                while (completed.TryTake(out var next)) batch.Add(next);
                foreach (var result in Complete(batch, cancellationToken)) onResult(result);
            }
        }

        private IEnumerable<ConnectResult> Complete(List<(ConnectRequest Request, BulkLoginResult Result)> batch, CancellationToken cancellationToken)
        {
            foreach (var failed in batch.Where(c => c.Result.Error != null))
                yield return new ConnectResult(failed.Request.Username, null, failed.Result.Error);

            var succeeded = new List<(ConnectRequest Request, BulkLoginResult Result)>();
            foreach (var item in batch.Where(c => c.Result.Error is null))
            {
                var auth = item.Result.Auth!;
                auth.Alias = string.IsNullOrWhiteSpace(item.Request.Alias) ? null : item.Request.Alias;
                var refusal = RefusalOfTheCli(item.Request, auth);
                if (refusal is null) succeeded.Add(item);
                else yield return new ConnectResult(item.Request.Username, null, refusal);
            }

            foreach (var scope in succeeded.GroupBy(c => c.Request.ProcessScope))
            {
                var store = scope.Key ? _process : _persisted;
                var items = scope.ToList();
                IReadOnlyList<OrgAuthSaveOutcome> outcomes;
                try
                {
                    outcomes = store.SaveMany(items.Select(c => new OrgAuthSave(c.Result.Auth!, c.Request.SetDefault, c.Request.SetDefaultDevHub)).ToList(), cancellationToken);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException))
                {
                    outcomes = items.Select(_ => new OrgAuthSaveOutcome(null, ex)).ToList();
                }

                for (var i = 0; i < items.Count; i++)
                    yield return Registered(items[i].Request, items[i].Result.Auth!, outcomes[i]);
            }
        }

        // What the CLI hand-over would refuse (e.g. -SetDefaultDevHub on a scratch org, known only after login)
        // fails the org before it is stored here, or the error would leave the auth and its marks behind.
        private Exception? RefusalOfTheCli(ConnectRequest request, OrgAuth auth)
        {
            if (!request.RegisterWithSfCli) return null;
            try
            {
                new SfCliAuthRegistrar(_sfCliPaths()).EnsureCanRegister(auth, request.Key.FilePath!, auth.Alias, request.SetDefaultDevHub);
                return null;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return ex;
            }
        }

        private ConnectResult Registered(ConnectRequest request, OrgAuth auth, OrgAuthSaveOutcome saved)
        {
            if (saved.Error != null) return new ConnectResult(request.Username, null, saved.Error);
            try
            {
                if (request.RegisterWithSfCli)
                    new SfCliAuthRegistrar(_sfCliPaths()).Register(auth, request.Key.FilePath!, auth.Alias, request.SetDefault, request.SetDefaultDevHub);
                return new ConnectResult(request.Username, OrgAuthViews.From(saved.Stored!), null, saved.AliasMoved);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return new ConnectResult(request.Username, null, ex);
            }
        }
    }
}
