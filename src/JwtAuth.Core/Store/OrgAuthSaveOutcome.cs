using System;

namespace JwtAuth.Core.Store
{
    /// <summary>What <see cref="IOrgAuthStore.SaveMany"/> did with one auth: stored it, or failed with the exception <c>Save</c> would have thrown.</summary>
    public sealed class OrgAuthSaveOutcome
    {
        public OrgAuthSaveOutcome(StoredOrgAuth? stored, Exception? error, AliasMove? aliasMoved = null)
        {
            Stored = stored;
            Error = error;
            AliasMoved = aliasMoved;
        }

        public StoredOrgAuth? Stored { get; }

        public Exception? Error { get; }

        /// <summary>The alias this save took from another stored org, or null.</summary>
        public AliasMove? AliasMoved { get; }
    }
}
