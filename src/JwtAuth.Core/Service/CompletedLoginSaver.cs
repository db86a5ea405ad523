using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using JwtAuth.Core.Login;
using JwtAuth.Core.Model;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.Service
{
    /// <summary>
    /// The store side of a bulk connect: takes logins as they complete, stores them (and registers them with the
    /// Salesforce CLI when asked) and reports each org as soon as its outcome is known. Once cancelled it starts no
    /// further write: a save that had begun ends and is reported, and logins completed since are dropped unreported.
    /// </summary>
    internal sealed class CompletedLoginSaver
    {
        private readonly IOrgAuthStore _persisted;
        private readonly IOrgAuthStore _process;
        private readonly Func<SfCliPaths> _sfCliPaths;

        public CompletedLoginSaver(IOrgAuthStore persisted, IOrgAuthStore process, Func<SfCliPaths> sfCliPaths)
        {
            _persisted = persisted;
            _process = process;
            _sfCliPaths = sfCliPaths;
        }

        /// <summary>Runs until <paramref name="completed"/> is complete and empty, or until cancelled. Blocks on disk: run it on a thread of its own.</summary>
        public void SaveAsCompleted(BlockingCollection<(ConnectRequest Request, BulkLoginResult Result)> completed, Action<ConnectResult> onResult,
            CancellationToken cancellationToken)
        {
            try
            {
                foreach (var first in completed.GetConsumingEnumerable())
                {
                    // Stopped: what completed since is not stored, so there is nothing more to report.
                    if (cancellationToken.IsCancellationRequested) return;
                    var batch = new List<(ConnectRequest Request, BulkLoginResult Result)> { first };
                    while (completed.TryTake(out var next)) batch.Add(next);
                    Complete(batch, onResult, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // A wait for a lock ended by the stop; what was saved before it has been reported.
            }
        }

        /// <summary>Stores the batch and reports each org as soon as its outcome is known.</summary>
        private void Complete(List<(ConnectRequest Request, BulkLoginResult Result)> batch, Action<ConnectResult> onResult, CancellationToken cancellationToken)
        {
            foreach (var failed in batch.Where(c => c.Result.Error != null))
                onResult(new ConnectResult(failed.Request.Username, null, failed.Result.Error));

            var succeeded = new List<(ConnectRequest Request, OrgAuth Auth)>();
            foreach (var item in batch.Where(c => c.Result.Error is null))
            {
                var auth = item.Result.Auth!;
                auth.Alias = string.IsNullOrWhiteSpace(item.Request.Alias) ? null : item.Request.Alias;
                var refusal = RefusalOfTheCli(item.Request, auth) ?? RefusalOfTheMarks(item.Request, auth);
                if (refusal is null) succeeded.Add((item.Request, auth));
                else onResult(new ConnectResult(item.Request.Username, null, refusal));
            }

            foreach (var scope in succeeded.GroupBy(c => c.Request.ProcessScope))
            {
                var store = scope.Key ? _process : _persisted;
                var plain = scope.Where(c => !c.Request.RegisterWithSfCli).ToList();
                if (plain.Count > 0) Save(store, plain, onResult, cancellationToken);
                foreach (var item in scope.Where(c => c.Request.RegisterWithSfCli))
                    SaveAndRegister(store, item.Request, item.Auth, onResult, cancellationToken);
            }
        }

        private void Save(IOrgAuthStore store, List<(ConnectRequest Request, OrgAuth Auth)> items, Action<ConnectResult> onResult,
            CancellationToken cancellationToken)
        {
            var outcomes = SaveMany(store, items, cancellationToken);
            for (var i = 0; i < items.Count; i++) onResult(Result(items[i].Request, outcomes[i]));
        }

        // The CLI's files are locked before anything is stored here, so a stop while waiting for them stores nothing anywhere,
        // and once this store has the org the CLI's files are written without another wait.
        private void SaveAndRegister(IOrgAuthStore store, ConnectRequest request, OrgAuth auth, Action<ConnectResult> onResult,
            CancellationToken cancellationToken)
        {
            SfCliPendingRegistration registration;
            try
            {
                registration = new SfCliAuthRegistrar(_sfCliPaths())
                    .Prepare(auth, request.Key.FilePath!, auth.Alias, request.SetDefault, request.SetDefaultDevHub, cancellationToken);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                onResult(new ConnectResult(request.Username, null, ex));
                return;
            }

            using (registration)
            {
                var saved = SaveMany(store, new List<(ConnectRequest, OrgAuth)> { (request, auth) }, cancellationToken)[0];
                if (saved.Error is null)
                {
                    try
                    {
                        registration.Commit();
                    }
                    catch (Exception ex)
                    {
                        onResult(new ConnectResult(request.Username, null, ex));
                        return;
                    }
                }
                onResult(Result(request, saved));
            }
        }

        private static IReadOnlyList<OrgAuthSaveOutcome> SaveMany(IOrgAuthStore store, List<(ConnectRequest Request, OrgAuth Auth)> items,
            CancellationToken cancellationToken)
        {
            // A free store lock is taken even under a cancelled token: after a stop, nothing may start to write.
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return store.SaveMany(items.Select(c => new OrgAuthSave(c.Auth, c.Request.SetDefault, c.Request.SetDefaultDevHub)).ToList(), cancellationToken);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return items.Select(_ => new OrgAuthSaveOutcome(null, ex)).ToList();
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

        // Known only after the detail read: the default Dev Hub must be one, as sf insists.
        private static Exception? RefusalOfTheMarks(ConnectRequest request, OrgAuth auth) =>
            request.SetDefaultDevHub && auth.OrgType.IsKnownNotDevHub() ? ConnectErrors.NotADevHub(auth) : null;

        // The view comes from what the store gave back after the whole batch was saved, never from what was asked.
        private ConnectResult Result(ConnectRequest request, OrgAuthSaveOutcome saved)
        {
            if (saved.Error != null) return new ConnectResult(request.Username, null, saved.Error);
            // A process-scoped org keeps the key it was connected with, so the scratch org cmdlets can sign with it as its Dev Hub.
            if (request.ProcessScope) (_process as ProcessOrgAuthStore)?.KeepSigningKey(saved.Stored!.Auth.Username, request.Key.Load);
            return new ConnectResult(request.Username, OrgAuthViews.From(saved.Stored!), null, saved.AliasMoved);
        }
    }
}
