using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using JwtAuth.Core.Errors;

namespace JwtAuth.Infrastructure
{
    /// <summary>
    /// Turns core exceptions into ErrorRecords with stable ids, categories, targets and a recommended action.
    /// Their CategoryInfo reads in words, never .NET type names: "ObjectNotFound: (/x/server.key:key file)
    /// [Connect-SfOrgJwt], KeyFileNotFound" rather than "(/x/server.key:String) [Connect-SfOrgJwt], KeyException".
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, object? fallbackTarget)
        {
            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
                exception = aggregate.InnerExceptions[0];

            if (exception is JwtAuthException known)
            {
                var target = known.Target ?? fallbackTarget;
                var record = new ErrorRecord(known, known.ErrorId, Category(known.Kind), target);
                // PowerShell 7 prints RecommendedAction under the message; Windows PowerShell 5.1 never shows it, so there the fix stays in the message.
                var shown = HostShowsRecommendation && !string.IsNullOrEmpty(known.Fix) ? known.Problem : known.Message;
                record.ErrorDetails = new ErrorDetails(shown) { RecommendedAction = known.Fix ?? string.Empty };
                return Readable(record, known.ErrorId, known.Target != null ? known.TargetKind : null);
            }

            if (exception is OperationCanceledException)
            {
                var stopped = new ErrorRecord(exception, "OperationStopped", ErrorCategory.OperationStopped, fallbackTarget);
                stopped.ErrorDetails = Details("The command was stopped before it finished.",
                    "Run the command again to finish; Get-SfOrgAuth shows what was stored before the stop.");
                return Readable(stopped, "OperationStopped", null);
            }

            // Unexpected: keep the type for diagnosis but not a message that could echo input back.
            var unexpected = new ErrorRecord(exception, "UnexpectedError", ErrorCategory.NotSpecified, fallbackTarget);
            unexpected.ErrorDetails = Details($"JwtAuth hit an unexpected {exception.GetType().Name}.",
                "Run the command again with -Debug and report it with that output.");
            return Readable(unexpected, "UnexpectedError", null);
        }

        private static ErrorDetails Details(string problem, string fix) =>
            new ErrorDetails(HostShowsRecommendation ? problem : problem + " " + fix) { RecommendedAction = fix };

        /// <summary>
        /// Gives the record's CategoryInfo a Reason (the error id, where PowerShell would show the exception's type name),
        /// a TargetType in words (where it would show the target's .NET type, e.g. String), and for a list of targets
        /// (several files in the way) the items, where it would show the list's type name.
        /// </summary>
        private static ErrorRecord Readable(ErrorRecord record, string errorId, string? targetKind)
        {
            record.CategoryInfo.Reason = errorId;
            var target = record.TargetObject;
            if (target is null) return record;
            record.CategoryInfo.TargetType = targetKind ?? KindOf(target);
            if (target is IEnumerable items && !(target is string))
                record.CategoryInfo.TargetName = string.Join(", ", items.Cast<object>());
            return record;
        }

        // For errors whose target does not say what it is: the shapes JwtAuth's targets take.
        private static string KindOf(object target) => target switch
        {
            string text when Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) => "URL",
            string text when IsRootedPath(text) => "path",
            string text when text.IndexOf('@') > 0 => "username",
            string _ => "name",
            IEnumerable _ => "list",
            _ => "value",
        };

        private static bool IsRootedPath(string text)
        {
            try { return Path.IsPathRooted(text); }
            catch (ArgumentException) { return false; }
        }

        private static readonly bool HostShowsRecommendation = (typeof(PSObject).Assembly.GetName().Version?.Major ?? 5) >= 7;

        public static ErrorCategory Category(JwtAuthErrorKind kind) => kind switch
        {
            JwtAuthErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            JwtAuthErrorKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
            JwtAuthErrorKind.InvalidData => ErrorCategory.InvalidData,
            JwtAuthErrorKind.ResourceExists => ErrorCategory.ResourceExists,
            JwtAuthErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
            JwtAuthErrorKind.AuthenticationError => ErrorCategory.AuthenticationError,
            JwtAuthErrorKind.SecurityError => ErrorCategory.SecurityError,
            JwtAuthErrorKind.ConnectionError => ErrorCategory.ConnectionError,
            JwtAuthErrorKind.OperationTimeout => ErrorCategory.OperationTimeout,
            JwtAuthErrorKind.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
            JwtAuthErrorKind.InvalidOperation => ErrorCategory.InvalidOperation,
            JwtAuthErrorKind.WriteError => ErrorCategory.WriteError,
            JwtAuthErrorKind.NotImplemented => ErrorCategory.NotImplemented,
            _ => ErrorCategory.NotSpecified,
        };
    }
}
