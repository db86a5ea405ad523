using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using JwtAuth.Core.Service;

namespace JwtAuth.Infrastructure
{
    /// <summary>Tab completion of org names: aliases first, then usernames, from the stored auths.</summary>
    public sealed class OrgNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IReadOnlyList<string> names;
            try
            {
                names = OrgAuthService.ForCurrentUser(TimeSpan.FromSeconds(30)).CompletionNames();
            }
            catch (Exception)
            {
                // Completion must never surface an error at the prompt.
                return Array.Empty<CompletionResult>();
            }

            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return names
                .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(Quote(n), n, CompletionResultType.ParameterValue, n))
                .ToList();
        }

        private static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', ',' }) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
    }
}
