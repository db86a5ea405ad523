using System;

namespace JwtAuth.Core.Login
{
    /// <summary>One login's checked inputs: where the assertion goes, who it names, and how long replication may take.</summary>
    internal sealed class LoginTarget
    {
        public LoginTarget(Uri loginUrl, string audience, string clientId, string username, TimeSpan retryTimeout)
        {
            LoginUrl = loginUrl;
            TokenUrl = new Uri(loginUrl, "/services/oauth2/token");
            Audience = audience;
            ClientId = clientId;
            Username = username;
            RetryTimeout = retryTimeout;
        }

        public Uri LoginUrl { get; }
        public Uri TokenUrl { get; }
        public string Audience { get; }
        public string ClientId { get; }
        public string Username { get; }

        /// <summary>How long "user hasn't approved this consumer" may be waited out, in total.</summary>
        public TimeSpan RetryTimeout { get; }
    }
}
