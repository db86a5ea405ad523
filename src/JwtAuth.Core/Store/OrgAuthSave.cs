using System;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Store
{
    /// <summary>One auth to store with <see cref="IOrgAuthStore.SaveMany"/>, and the default marks to give it.</summary>
    public sealed class OrgAuthSave
    {
        public OrgAuthSave(OrgAuth auth, bool setDefault = false, bool setDefaultDevHub = false)
        {
            Auth = auth ?? throw new ArgumentNullException(nameof(auth));
            SetDefault = setDefault;
            SetDefaultDevHub = setDefaultDevHub;
        }

        public OrgAuth Auth { get; }

        public bool SetDefault { get; }

        public bool SetDefaultDevHub { get; }
    }
}
