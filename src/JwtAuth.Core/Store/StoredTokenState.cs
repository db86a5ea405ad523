namespace JwtAuth.Core.Store
{
    /// <summary>What the store could give back of an auth's access token.</summary>
    public enum StoredTokenState
    {
        /// <summary>No token was stored.</summary>
        None,

        /// <summary>The token was decrypted and is in <c>Auth.AccessToken</c>.</summary>
        Available,

        /// <summary>A token was stored but cannot be decrypted here (key lost, store copied from another user or machine); renew it.</summary>
        Unreadable,
    }
}
