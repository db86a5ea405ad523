namespace JwtAuth.Core.Errors
{
    /// <summary>
    /// What kind of failure an error is. The cmdlets map each kind to one PowerShell ErrorCategory,
    /// so the core stays free of System.Management.Automation.
    /// </summary>
    public enum JwtAuthErrorKind
    {
        InvalidArgument,
        ObjectNotFound,
        InvalidData,
        ResourceExists,
        PermissionDenied,
        AuthenticationError,
        SecurityError,
        ConnectionError,
        OperationTimeout,
        ResourceUnavailable,
        InvalidOperation,
        WriteError,
        NotImplemented,
    }
}
