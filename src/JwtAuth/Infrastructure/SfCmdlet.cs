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

        /// <summary>
        /// Resolves a path against the PowerShell location (not the process folder); the file need not exist.
        /// A path JwtAuth cannot use ends the command with PathNotFileSystem or PathDriveNotFound.
        /// </summary>
        /// <param name="parameter">The parameter the path came from, e.g. "-KeyFile", for the fix.</param>
        protected string ResolveFileSystemPath(string path, string parameter)
        {
            try
            {
                return FileSystemPath(path, parameter);
            }
            catch (JwtAuthException refused)
            {
                ThrowCoreError(refused, path);
                throw;
            }
        }

        /// <summary>As <see cref="ResolveFileSystemPath"/>, but throws the refusal, for a cmdlet that fails one piped row alone.</summary>
        protected string FileSystemPath(string path, string parameter)
        {
            string resolved;
            ProviderInfo provider;
            try
            {
                resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (DriveNotFoundException e)
            {
                throw new JwtAuthException("PathDriveNotFound", JwtAuthErrorKind.ObjectNotFound,
                    $"The path '{path}' is on the drive '{e.ItemName}', which does not exist here.",
                    $"Pass {parameter} a path on a drive that exists (Get-PSDrive -PSProvider FileSystem lists them), e.g. a path under your home folder.",
                    path, e, targetKind: "path");
            }
            catch (ProviderNotFoundException e)
            {
                throw NotFileSystem(path, parameter, $"names the provider '{e.ItemName}', which does not exist", e);
            }
            if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
                throw NotFileSystem(path, parameter, $"is on the {provider.Name} provider", null);
            return resolved;
        }

        private static JwtAuthException NotFileSystem(string path, string parameter, string why, Exception? inner) =>
            new JwtAuthException("PathNotFileSystem", JwtAuthErrorKind.InvalidArgument,
                $"The path '{path}' {why}; JwtAuth reads and writes files only.",
                $"Pass {parameter} a file system path, e.g. a folder under your home folder or a drive such as C:\\, not a path on Env:, Cert: or another provider.",
                path, inner, targetKind: "path");

        protected void WriteCoreError(Exception exception, object? target) => WriteError(ErrorRecords.From(exception, target));

        protected void ThrowCoreError(Exception exception, object? target) => ThrowTerminatingError(ErrorRecords.From(exception, target));
    }
}
