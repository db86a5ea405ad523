using System.Collections.Generic;

namespace JwtAuth.Core.SfCli
{
    /// <summary>What <see cref="SfCliAuthRemover.Remove"/> removed.</summary>
    public sealed class SfCliRemoval
    {
        public string Username { get; internal set; } = string.Empty;

        /// <summary>True when the auth file existed and was deleted.</summary>
        public bool RemovedAuthFile { get; internal set; }
        public IReadOnlyList<string> RemovedAliases { get; internal set; } = new string[0];

        /// <summary>Config keys unset because they named the org, as <c>file: key</c>.</summary>
        public IReadOnlyList<string> RemovedConfigKeys { get; internal set; } = new string[0];

        public override string ToString() => Username;
    }
}
