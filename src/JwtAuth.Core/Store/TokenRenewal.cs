namespace JwtAuth.Core.Store
{
    /// <summary>The outcome of <see cref="OrgTokenRenewal.RenewToken"/>.</summary>
    public sealed class TokenRenewal
    {
        internal TokenRenewal(StoredOrgAuth auth, bool reused)
        {
            Auth = auth;
            Reused = reused;
        }

        /// <summary>The auth with its current token.</summary>
        public StoredOrgAuth Auth { get; }

        /// <summary>True when another process had already stored a newer token, so none was minted here (or the minted one lost a race and was dropped).</summary>
        public bool Reused { get; }
    }
}
