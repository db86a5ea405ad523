using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Login;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.Service
{
    /// <summary>
    /// Connects a batch of orgs: requests that conflict are refused, each distinct key is loaded once, logins run
    /// up to the throttle at once over one client, and each org is stored (<see cref="CompletedLoginSaver"/>) as soon
    /// as its login completes. A failure is reported for its org only and stores nothing. Once <c>cancellationToken</c>
    /// is cancelled, logins in flight stop and nothing more is stored; the task ends when all of that has happened.
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
            Action<string> onVerbose, Action<string> onWarning, Action<LoginProgress>? onLoginProgress, CancellationToken cancellationToken)
        {
            var verbose = VerboseLoginProgress.To(onVerbose);
            var progress = new InlineProgress<LoginProgress>(p =>
            {
                verbose.Report(p);
                onLoginProgress?.Invoke(p);
            });
            var conflicts = ConnectConflicts.Find(requests);
            foreach (var request in requests.Where(conflicts.ContainsKey))
                onResult(new ConnectResult(request.Username, null, conflicts[request]));

            foreach (var group in requests.Where(r => !conflicts.ContainsKey(r)).GroupBy(r => r.Key.Identity))
            {
                cancellationToken.ThrowIfCancellationRequested();
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
                    var saver = Task.Factory.StartNew(() => new CompletedLoginSaver(_persisted, _process, _sfCliPaths).SaveAsCompleted(completed, onResult, cancellationToken),
                        CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
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
    }
}
