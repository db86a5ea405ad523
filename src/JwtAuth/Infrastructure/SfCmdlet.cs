using System;
using System.Management.Automation;
using System.Threading;
using JwtAuth.Core.Errors;

namespace JwtAuth.Infrastructure
{
    /// <summary>What every JwtAuth cmdlet shares: Ctrl+C cancellation, error mapping and path resolution.</summary>
    public abstract class SfCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
        protected CancellationToken StopToken => _stop.Token;

        protected override void StopProcessing() => _stop.Cancel();

        /// <summary>Resolves a path against the PowerShell location (not the process folder); the file need not exist.</summary>
        protected string ResolveFileSystemPath(string path)
        {
            var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
            if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
            {
                ThrowCoreError(new JwtAuthException("PathNotFileSystem", JwtAuthErrorKind.InvalidArgument,
                    $"The path '{path}' is on the {provider.Name} provider; JwtAuth reads and writes files only.",
                    "Give a file system path, e.g. a folder under your home folder or a drive such as C:\\, not a path on Env:, Cert: or another provider.",
                    path, targetKind: "path"), path);
            }
            return resolved;
        }

        protected void WriteCoreError(Exception exception, object? target) => WriteError(ErrorRecords.From(exception, target));

        protected void ThrowCoreError(Exception exception, object? target) => ThrowTerminatingError(ErrorRecords.From(exception, target));
    }
}
