using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace JwtAuth.Infrastructure
{
    /// <summary>Tab completion from a list of candidates: those that start with what was typed, quoted where PowerShell needs it.</summary>
    public abstract class CandidateCompleter : IArgumentCompleter
    {
        /// <summary>The values to offer, best first; may read the store.</summary>
        protected abstract IEnumerable<string> Candidates();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            List<string> candidates;
            try
            {
                candidates = Candidates().Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            }
            catch (Exception)
            {
                // Completion must never surface an error at the prompt.
                return Array.Empty<CompletionResult>();
            }

            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return candidates
                .Where(c => c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(c => new CompletionResult(Quote(c), c, CompletionResultType.ParameterValue, c))
                .ToList();
        }

        private static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', ',' }) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
    }
}
