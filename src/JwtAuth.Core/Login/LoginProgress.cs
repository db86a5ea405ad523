using System;

namespace JwtAuth.Core.Login
{
    /// <summary>What a login is doing; reported through <see cref="IProgress{T}"/>. Text only, never a secret.</summary>
    public sealed class LoginProgress
    {
        public LoginProgress(string username, LoginStage stage, int attempt, TimeSpan? wait, string message,
            TimeSpan? waited = null, TimeSpan? bound = null)
        {
            Username = username;
            Stage = stage;
            Attempt = attempt;
            Wait = wait;
            Message = message;
            Waited = waited;
            Bound = bound;
        }

        public string Username { get; }

        public LoginStage Stage { get; }

        /// <summary>The token request number (1 for the first).</summary>
        public int Attempt { get; }

        /// <summary>How long the client is about to wait, for the waiting stages.</summary>
        public TimeSpan? Wait { get; }

        /// <summary>For <see cref="LoginStage.WaitingForReplication"/>: how long this login has waited so far.</summary>
        public TimeSpan? Waited { get; }

        /// <summary>For <see cref="LoginStage.WaitingForReplication"/>: how long it may wait in all (the retry timeout).</summary>
        public TimeSpan? Bound { get; }

        /// <summary>A sentence for verbose output or a progress bar.</summary>
        public string Message { get; }

        public override string ToString() => $"{Username}: {Stage} (attempt {Attempt}) {Message}";

        internal static void Report(IProgress<LoginProgress>? progress, string username, LoginStage stage, int attempt, TimeSpan? wait, string message,
            TimeSpan? waited = null, TimeSpan? bound = null) =>
            progress?.Report(new LoginProgress(username, stage, attempt, wait, message, waited, bound));
    }

    public enum LoginStage
    {
        /// <summary>Sending the token request.</summary>
        Requesting,

        /// <summary>Waiting for a new scratch org's user to replicate ("user hasn't approved this consumer").</summary>
        WaitingForReplication,

        /// <summary>Waiting after a connection failure, 5xx or 429 before trying again.</summary>
        RetryingTransport,

        /// <summary>Reading org details after the token; failures here are reported, not thrown.</summary>
        FetchingDetails,

        Succeeded,

        Failed,
    }
}
