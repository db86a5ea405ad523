namespace JwtAuth.Core.Store
{
    /// <summary>An alias a save took from one org and gave to another, for the caller to tell the user.</summary>
    public sealed class AliasMove
    {
        public AliasMove(string alias, string fromUsername, string toUsername)
        {
            Alias = alias;
            FromUsername = fromUsername;
            ToUsername = toUsername;
        }

        public string Alias { get; }

        public string FromUsername { get; }

        public string ToUsername { get; }

        /// <summary>What the user is told, e.g. "Alias 'dev' moved from a@example.com to b@example.com."</summary>
        public string Message => $"Alias '{Alias}' moved from {FromUsername} to {ToUsername}.";

        public override string ToString() => Message;
    }
}
