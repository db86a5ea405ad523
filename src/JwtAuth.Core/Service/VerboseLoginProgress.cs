using System;
using JwtAuth.Core.Login;

namespace JwtAuth.Core.Service
{
    /// <summary>
    /// A login's progress as verbose lines. The failure itself is left out: it reaches the user as the error,
    /// and the same sentence again in the verbose stream only doubles it.
    /// </summary>
    internal static class VerboseLoginProgress
    {
        public static IProgress<LoginProgress> To(Action<string> onVerbose) =>
            new InlineProgress<LoginProgress>(p =>
            {
                if (p.Stage != LoginStage.Failed) onVerbose(p.Message);
            });
    }
}
