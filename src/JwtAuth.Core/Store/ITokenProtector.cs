namespace JwtAuth.Core.Store
{
    /// <summary>
    /// Turns an access token into a form that is useless outside this user's account and back.
    /// The username is bound in (associated data / entropy), so a protected token copied into
    /// another org's file does not decrypt there.
    /// </summary>
    internal interface ITokenProtector
    {
        /// <summary>Protects <paramref name="token"/>; called under the store lock (it may create the key).</summary>
        ProtectedToken Protect(string token, string username);

        /// <summary>
        /// Protects <paramref name="token"/> if that needs no new key, so writers can do the work before
        /// taking the store lock; null means "call <see cref="Protect"/> under the lock".
        /// </summary>
        ProtectedToken? TryProtectWithoutLock(string token, string username);

        /// <summary>The token, or null when it cannot be recovered here (other scheme, lost key, tampered data, other user).</summary>
        string? Unprotect(ProtectedToken token, string username);
    }
}
