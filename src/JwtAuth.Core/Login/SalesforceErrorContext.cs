using System;

namespace JwtAuth.Core.Login
{
    /// <summary>What the error mapping needs to know about the failed request; nothing secret.</summary>
    internal sealed class SalesforceErrorContext
    {
        public string Error { get; set; } = string.Empty;
        public string? ErrorDescription { get; set; }
        public int StatusCode { get; set; }
        public string TokenUrl { get; set; } = string.Empty;
        public string Audience { get; set; } = string.Empty;
        public string Username { get; set; } = string.Empty;
        public string ClientId { get; set; } = string.Empty;
        public string KeyDescription { get; set; } = string.Empty;
        public int Attempts { get; set; } = 1;
        public TimeSpan ReplicationWait { get; set; }
    }
}
