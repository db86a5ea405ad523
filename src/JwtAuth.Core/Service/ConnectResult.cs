using System;

namespace JwtAuth.Core.Service
{
    /// <summary>How one org's connect ended: a stored view of the auth, or the error.</summary>
    public sealed class ConnectResult
    {
        public ConnectResult(string username, OrgAuthView? view, Exception? error)
        {
            Username = username;
            View = view;
            Error = error;
        }

        public string Username { get; }
        public OrgAuthView? View { get; }
        public Exception? Error { get; }
    }
}
