using System;
using System.Collections.Generic;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// One auth as a store gives it back: the org details with the token decrypted (or null), its
    /// aliases and default marks, and the revision that a token update compares against.
    /// Each read returns fresh copies, so changing one never changes the store.
    /// </summary>
    public sealed class StoredOrgAuth
    {
        internal StoredOrgAuth(OrgAuth auth, IReadOnlyList<string> aliases, bool isDefault, bool isDefaultDevHub,
            OrgAuthScope scope, StoredTokenState tokenState, long revision, string? filePath)
        {
            Auth = auth;
            Aliases = aliases;
            Auth.Alias = aliases.Count > 0 ? aliases[aliases.Count - 1] : null;
            IsDefault = isDefault;
            IsDefaultDevHub = isDefaultDevHub;
            Scope = scope;
            TokenState = tokenState;
            Revision = revision;
            FilePath = filePath;
        }

        /// <summary>The org details; <see cref="OrgAuth.AccessToken"/> is the decrypted token or null, <see cref="OrgAuth.Alias"/> the alias set last.</summary>
        public OrgAuth Auth { get; }

        public string Username => Auth.Username;

        /// <summary>The alias set last, or null.</summary>
        internal string? Alias => Auth.Alias;

        /// <summary>Every alias that names this org, in the order they were set (the last is <see cref="Alias"/>).</summary>
        public IReadOnlyList<string> Aliases { get; }

        public bool IsDefault { get; }

        public bool IsDefaultDevHub { get; }

        public OrgAuthScope Scope { get; }

        public StoredTokenState TokenState { get; }

        /// <summary>Grows by one on every write of this auth; <see cref="IOrgAuthStore.UpdateToken"/> compares it.</summary>
        public long Revision { get; }

        /// <summary>The org file on disk, or null for a process-scoped auth.</summary>
        internal string? FilePath { get; }

        /// <summary>True when the key reference lets a new token be minted without asking the user again.</summary>
        public bool CanRenew => Auth.Key.IsRenewable;

        /// <summary>Throws <see cref="StoreErrorIds.NotRenewable"/> when the auth was made with an in-memory key.</summary>
        public void EnsureRenewable()
        {
            if (CanRenew) return;
            throw new StoreException(StoreErrorIds.NotRenewable, JwtAuthErrorKind.InvalidOperation,
                $"The auth for '{Username}' was made with an in-memory key, so no key is on record to renew its token.",
                $"Run Connect-SfOrgJwt again for '{Username}' with a key file or a certificate thumbprint.", Username);
        }

        internal StoredOrgAuth WithMarks(IReadOnlyList<string> aliases, bool isDefault, bool isDefaultDevHub) =>
            new StoredOrgAuth(OrgAuthCopy.Of(Auth), aliases, isDefault, isDefaultDevHub, Scope, TokenState, Revision, FilePath);

        public override string ToString() => $"{Username} ({Scope}{(IsDefault ? ", default" : string.Empty)}{(IsDefaultDevHub ? ", default Dev Hub" : string.Empty)})";
    }
}
