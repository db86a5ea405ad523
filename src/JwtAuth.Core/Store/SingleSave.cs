using System.Runtime.ExceptionServices;
using System.Threading;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Store
{
    /// <summary>Storing one auth: a batch of one, whose failure is thrown instead of returned.</summary>
    internal static class SingleSave
    {
        public static StoredOrgAuth Save(this IOrgAuthStore store, OrgAuth auth, bool setDefault = false, bool setDefaultDevHub = false,
            CancellationToken cancellationToken = default)
        {
            var outcome = store.SaveMany(new[] { new OrgAuthSave(auth, setDefault, setDefaultDevHub) }, cancellationToken)[0];
            if (outcome.Error != null) ExceptionDispatchInfo.Capture(outcome.Error).Throw();
            return outcome.Stored!;
        }
    }
}
