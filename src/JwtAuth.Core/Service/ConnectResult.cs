using System;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.Service
{
    /// <summary>How one org's connect ended: a stored view of the auth, or the error.</summary>
    public sealed class ConnectResult
    {
        public ConnectResult(string username, OrgAuthView? view, Exception? error, AliasMove? aliasMoved = null)
        {
            Username = username;
            View = view;
            Error = error;
            AliasMoved = aliasMoved;
        }

        public string Username { get; }
        public OrgAuthView? View { get; }
        public Exception? Error { get; }

        /// <summary>The alias this connect took from another stored org, for a warning; null when none moved.</summary>
        public AliasMove? AliasMoved { get; }
    }
}
