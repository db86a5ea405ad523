namespace JwtAuth.Core.Store
{
    /// <summary>The outcome of <see cref="IOrgAuthStore.UpdateToken"/>.</summary>
    public sealed class TokenUpdateResult
    {
        internal TokenUpdateResult(bool updated, StoredOrgAuth current)
        {
            Updated = updated;
            Current = current;
        }

        /// <summary>False when another writer changed the auth since <c>expectedRevision</c>.</summary>
        public bool Updated { get; }

        /// <summary>The auth as stored after the call.</summary>
        public StoredOrgAuth Current { get; }
    }
}
