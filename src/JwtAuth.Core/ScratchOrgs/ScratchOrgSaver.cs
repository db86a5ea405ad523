using System;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Model;
using JwtAuth.Core.Service;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// Stores each connected scratch org as soon as it is connected, in the scope its Dev Hub is stored in (a process-scoped
    /// hub leaves nothing on disk), with its alias and default mark, and registers it with the Salesforce CLI when asked.
    /// One save at a time: the store serializes writers anyway, and in-process contention would only add retries.
    /// </summary>
    internal sealed class ScratchOrgSaver : IDisposable
    {
        private readonly ScratchOrgContext _context;
        private readonly DevHubSession _hub;
        private readonly bool _registerWithSfCli;
        private readonly SemaphoreSlim _oneAtATime = new SemaphoreSlim(1, 1);

        public ScratchOrgSaver(ScratchOrgContext context, DevHubSession hub, bool registerWithSfCli)
        {
            _context = context;
            _hub = hub;
            _registerWithSfCli = registerWithSfCli;
        }

        /// <summary>Stores the org (nothing once <paramref name="cancellationToken"/> is cancelled) and returns it as stored.</summary>
        public async Task<StoredOrgAuth> SaveAsync(OrgAuth auth, string? alias, bool setDefault, Action<string> warning, CancellationToken cancellationToken)
        {
            auth.Alias = alias;
            var keyFile = _hub.Hub.Auth.Key.KeyFile;
            var registrar = _registerWithSfCli ? new SfCliAuthRegistrar(_context.SfCliPaths()) : null;
            // What the CLI would refuse fails the org before it is stored here, as Connect-SfOrgJwt does.
            registrar?.EnsureCanRegister(auth, keyFile!, alias, setDefaultDevHub: false);

            await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                // The CLI's locks are taken (a wait Ctrl+C ends) before the org is stored here, and written after.
                using var registration = registrar?.Prepare(auth, keyFile!, alias, setDefault, setDefaultDevHub: false, cancellationToken);
                var store = _hub.Hub.Scope == OrgAuthScope.Process ? _context.Stores.Process : _context.Stores.Persisted;
                var outcome = store.SaveMany(new[] { new OrgAuthSave(auth, setDefault) }, cancellationToken)[0];
                if (outcome.Error != null) throw outcome.Error;
                if (outcome.AliasMoved != null) warning(outcome.AliasMoved.Message);
                registration?.Commit();
                return outcome.Stored!;
            }
            finally
            {
                _oneAtATime.Release();
            }
        }

        public void Dispose() => _oneAtATime.Dispose();
    }
}
