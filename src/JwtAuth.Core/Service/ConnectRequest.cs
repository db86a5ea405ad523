using System;
using JwtAuth.Core.Login;

namespace JwtAuth.Core.Service
{
    /// <summary>One org to connect: who, where, with which key, and what to record.</summary>
    public sealed class ConnectRequest
    {
        public string ClientId { get; set; } = string.Empty;
        public string Username { get; set; } = string.Empty;
        public string LoginUrl { get; set; } = LoginUrlPolicy.DefaultLoginUrl;
        public string? Audience { get; set; }
        public string? Alias { get; set; }
        public KeySource Key { get; set; } = null!;

        /// <summary>How long to retry a not-yet-replicated scratch user; null = the default for the target.</summary>
        public TimeSpan? RetryTimeout { get; set; }

        public bool SetDefault { get; set; }
        public bool SetDefaultDevHub { get; set; }

        /// <summary>Keep the auth in this process only instead of the user's store.</summary>
        public bool ProcessScope { get; set; }

        /// <summary>Also register the org with the Salesforce CLI.</summary>
        public bool RegisterWithSfCli { get; set; }
    }
}
