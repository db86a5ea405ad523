namespace JwtAuth.Core.SfCli
{
    /// <summary>What <see cref="SfCliAuthRegistrar.Register"/> wrote.</summary>
    public sealed class SfCliRegistration
    {
        public string Username { get; internal set; } = string.Empty;
        public string AuthFile { get; internal set; } = string.Empty;
        public string KeyFile { get; internal set; } = string.Empty;
        public string? Alias { get; internal set; }
        public bool SetDefault { get; internal set; }
        public bool SetDefaultDevHub { get; internal set; }

        /// <summary>True when the CLI already had an auth file for this username; its other fields were kept.</summary>
        public bool UpdatedExistingAuth { get; internal set; }

        /// <summary>True when the existing file held stored tokens, now removed so the CLI renews through the JWT flow.</summary>
        public bool RemovedStoredTokens { get; internal set; }

        public override string ToString() => $"{Username} -> {AuthFile}";
    }
}
