using System;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Login
{
    /// <summary>
    /// The first stage of a login done: Salesforce issued a token. <see cref="Auth"/> holds the identity and the token;
    /// its org details (API version, org type, name) are filled in by
    /// <see cref="SalesforceLoginClient.ReadOrgDetailsAsync"/>, the second stage.
    /// </summary>
    public sealed class TokenGrant
    {
        internal TokenGrant(OrgAuth auth, Uri instanceUrl, TimeSpan requestTimeout)
        {
            Auth = auth;
            InstanceUrl = instanceUrl;
            RequestTimeout = requestTimeout;
        }

        public OrgAuth Auth { get; }

        /// <summary>The instance the token works on, checked like a login URL (https, or http to loopback).</summary>
        internal Uri InstanceUrl { get; }

        /// <summary>The login's per-request bound, which the detail read keeps.</summary>
        internal TimeSpan RequestTimeout { get; }

        public override string ToString() => $"{Auth.Username}: token for {Auth.OrgId} at {Auth.InstanceUrl}";
    }
}
