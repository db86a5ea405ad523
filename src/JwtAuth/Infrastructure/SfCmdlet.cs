using System;
using System.Management.Automation;
using System.Threading;

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
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"The path '{path}' is on the {provider.Name} provider. JwtAuth reads and writes files only: give a file system path."),
                    "PathNotFileSystem", ErrorCategory.InvalidArgument, path));
            }
            return resolved;
        }

        protected void WriteCoreError(Exception exception, object? target) => WriteError(ErrorRecords.From(exception, target));

        protected void ThrowCoreError(Exception exception, object? target) => ThrowTerminatingError(ErrorRecords.From(exception, target));
    }
}
