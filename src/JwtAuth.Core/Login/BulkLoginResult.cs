using System;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Login
{
    /// <summary>The outcome of one login in a bulk run: an <see cref="OrgAuth"/> or the exception it failed with.</summary>
    public sealed class BulkLoginResult
    {
        internal BulkLoginResult(int index, JwtLoginRequest request, OrgAuth? auth, Exception? error)
        {
            Index = index;
            Request = request;
            Auth = auth;
            Error = error;
        }

        /// <summary>Position of the request in the input (0-based); results arrive in completion order, not input order.</summary>
        public int Index { get; }

        public JwtLoginRequest Request { get; }

        public OrgAuth? Auth { get; }

        /// <summary>Usually a <see cref="Errors.JwtAuthException"/>; anything else is a bug worth reporting.</summary>
        public Exception? Error { get; }

        public bool Succeeded => Auth != null;

        public override string ToString() => Succeeded ? $"{Request.Username}: {Auth}" : $"{Request.Username}: failed ({Error?.GetType().Name})";
    }
}
