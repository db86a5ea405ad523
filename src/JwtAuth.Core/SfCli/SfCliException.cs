using System;
using JwtAuth.Core.Errors;

namespace JwtAuth.Core.SfCli
{
    /// <summary>An error while sharing org auths with the Salesforce CLI (its files under ~/.sfdx and ~/.sf).</summary>
    public class SfCliException : JwtAuthException
    {
        /// <summary>See <see cref="JwtAuthException"/>; <paramref name="errorId"/> is one of <see cref="SfCliErrorIds"/>.</summary>
        public SfCliException(string errorId, JwtAuthErrorKind kind, string problem, string? fix = null,
            object? target = null, Exception? innerException = null)
            : base(errorId, kind, problem, fix, target, innerException)
        {
        }
    }

    /// <summary>The stable ErrorIds of <see cref="SfCliException"/>.</summary>
    public static class SfCliErrorIds
    {
        public const string KeyInMemory = "SfCliKeyInMemory";
        public const string KeyInCertificateStore = "SfCliKeyInCertificateStore";
        public const string KeyIsPfx = "SfCliKeyIsPfx";
        public const string KeyEncrypted = "SfCliKeyEncrypted";
        public const string KeyNotPem = "SfCliKeyNotPem";
        public const string KeyFileNotFound = "SfCliKeyFileNotFound";
        public const string KeyPathNotAbsolute = "SfCliKeyPathNotAbsolute";
        public const string AuthIncomplete = "SfCliAuthIncomplete";
        public const string InvalidAlias = "SfCliInvalidAlias";
        public const string NotADevHub = "SfCliNotADevHub";
        public const string FileCorrupt = "SfCliFileCorrupt";
        public const string FileUnreadable = "SfCliFileUnreadable";
        public const string FileLocked = "SfCliFileLocked";
        public const string WriteFailed = "SfCliWriteFailed";
        public const string OrgNotFound = "SfCliOrgNotFound";
        public const string OrgNotImportable = "SfCliOrgNotImportable";
        public const string HomeNotFound = "SfCliHomeNotFound";
    }
}
