using System;
using JwtAuth.Core.Errors;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// Creating, finding or deleting scratch orgs went wrong, or was refused before any call. <see cref="JwtAuthException.ErrorId"/>
    /// is one of <see cref="ScratchOrgErrorIds"/>. When an org was already requested, <see cref="ScratchOrgInfoId"/> names its
    /// record, so it is never lost: Get-SfScratchOrg finds it again.
    /// </summary>
    public sealed class ScratchOrgException : JwtAuthException
    {
        public ScratchOrgException(string errorId, JwtAuthErrorKind kind, string problem, string fix, object? target,
            Exception? innerException = null, string? scratchOrgInfoId = null, string? errorCode = null)
            : base(errorId, kind, problem, fix, target, innerException)
        {
            ScratchOrgInfoId = scratchOrgInfoId;
            ErrorCode = errorCode;
        }

        /// <summary>The ScratchOrgInfo record (<c>2SR...</c>) of the org this is about, when it was requested.</summary>
        public string? ScratchOrgInfoId { get; }

        /// <summary>Salesforce's code: the record's ErrorCode (e.g. <c>C-1016</c>) or the REST errorCode (e.g. <c>LIMIT_EXCEEDED</c>).</summary>
        public string? ErrorCode { get; }
    }

    /// <summary>Stable error ids of <see cref="ScratchOrgException"/>; scripts match on these.</summary>
    public static class ScratchOrgErrorIds
    {
        public const string DevHubNotFound = nameof(DevHubNotFound);
        public const string NotADevHub = nameof(NotADevHub);
        public const string DevHubKeyUnavailable = nameof(DevHubKeyUnavailable);
        public const string CountOutOfRange = nameof(CountOutOfRange);
        public const string AliasNeedsOneOrg = nameof(AliasNeedsOneOrg);
        public const string AliasAndAliasPrefix = nameof(AliasAndAliasPrefix);
        public const string SetDefaultNeedsOneOrg = nameof(SetDefaultNeedsOneOrg);
        public const string UsernameNeedsOneOrg = nameof(UsernameNeedsOneOrg);
        public const string ScratchOrgLimitExceeded = nameof(ScratchOrgLimitExceeded);
        public const string ScratchOrgRequestRefused = nameof(ScratchOrgRequestRefused);
        public const string ScratchOrgsNotRequested = nameof(ScratchOrgsNotRequested);
        public const string ScratchOrgRequestUnanswered = nameof(ScratchOrgRequestUnanswered);
        public const string ScratchOrgSignupFailed = nameof(ScratchOrgSignupFailed);
        public const string ScratchOrgNotReady = nameof(ScratchOrgNotReady);
        public const string ScratchOrgStatusUnreadable = nameof(ScratchOrgStatusUnreadable);
        public const string ScratchOrgUserNotReplicated = nameof(ScratchOrgUserNotReplicated);
        public const string ScratchOrgNotConnected = nameof(ScratchOrgNotConnected);
        public const string ScratchOrgSettingsNotDeployed = nameof(ScratchOrgSettingsNotDeployed);
        public const string ScratchOrgNotFound = nameof(ScratchOrgNotFound);
        public const string NotAScratchOrg = nameof(NotAScratchOrg);
        public const string ScratchOrgDeleteNotPermitted = nameof(ScratchOrgDeleteNotPermitted);
    }
}
