using System;
using System.Management.Automation;
using JwtAuth.Core.Errors;

namespace JwtAuth.Infrastructure
{
    /// <summary>Turns core exceptions into ErrorRecords with stable ids, categories, targets and a recommended action.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, object? fallbackTarget)
        {
            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
                exception = aggregate.InnerExceptions[0];

            if (exception is JwtAuthException known)
            {
                var record = new ErrorRecord(known, known.ErrorId, Category(known.Kind), known.Target ?? fallbackTarget);
                // PowerShell 7 prints RecommendedAction under the message; Windows PowerShell 5.1 never shows it, so there the fix stays in the message.
                var shown = HostShowsRecommendation && !string.IsNullOrEmpty(known.Fix) ? known.Problem : known.Message;
                record.ErrorDetails = new ErrorDetails(shown) { RecommendedAction = known.Fix ?? string.Empty };
                return record;
            }

            if (exception is OperationCanceledException)
                return new ErrorRecord(exception, "OperationStopped", ErrorCategory.OperationStopped, fallbackTarget);

            // Unexpected: keep the type for diagnosis but not a message that could echo input back.
            var unexpected = new ErrorRecord(exception, "UnexpectedError", ErrorCategory.NotSpecified, fallbackTarget);
            unexpected.ErrorDetails = new ErrorDetails(
                $"JwtAuth hit an unexpected {exception.GetType().Name}. Run the command again with -Debug and report it with that output.");
            return unexpected;
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
