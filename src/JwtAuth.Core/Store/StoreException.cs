using System;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Text;

namespace JwtAuth.Core.Store
{
    /// <summary>An error of the org auth store: a file it cannot read or write, a lock it cannot get, a name it does not know.</summary>
    public sealed class StoreException : JwtAuthException
    {
        public StoreException(string errorId, JwtAuthErrorKind kind, string problem, string? fix = null,
            object? target = null, Exception? innerException = null)
            : base(errorId, kind, problem, fix, target, innerException)
        {
        }

        internal static StoreException FileCorrupt(string path, string detail, Exception? inner = null) =>
            new StoreException(StoreErrorIds.FileCorrupt, JwtAuthErrorKind.InvalidData,
                $"The auth store file '{path}' cannot be read: {detail}.", RepairOf(path), path, inner);

        internal static StoreException KeyInvalid(string path, int keyLength) =>
            new StoreException(StoreErrorIds.KeyInvalid, JwtAuthErrorKind.InvalidData,
                $"The token key '{path}' is not a {keyLength}-byte key, so stored tokens cannot be decrypted.",
                "Nothing to do: the next Connect-SfOrgJwt replaces it, and tokens are renewed as needed.", path);

        // What to do with a damaged file depends on what it holds: settings.json is only aliases and default marks,
        // an org file is one org's auth, which a reconnect writes anew.
        private static string RepairOf(string path) =>
            string.Equals(System.IO.Path.GetFileName(path), StoreLayout.SettingsFileName, StringComparison.OrdinalIgnoreCase)
                ? "Delete that file (the aliases and default marks are then gone; set them again with Connect-SfOrgJwt -Alias, -SetDefault or -SetDefaultDevHub), or repair its JSON."
                : "Run Connect-SfOrgJwt again for that org, which rewrites the file, or delete the file to forget the org.";

        internal static StoreException VersionUnsupported(string path, int version) =>
            new StoreException(StoreErrorIds.VersionUnsupported, JwtAuthErrorKind.InvalidData,
                $"The auth store file '{path}' has format version {version}, which this JwtAuth release does not know (it knows version {StoreFormat.CurrentVersion}).",
                "Use the JwtAuth release that wrote it, or delete the file and run Connect-SfOrgJwt again.", path);

        internal static StoreException LockTimeout(string lockPath, TimeSpan timeout) =>
            new StoreException(StoreErrorIds.LockTimeout, JwtAuthErrorKind.OperationTimeout,
                $"Another process held the auth store lock '{lockPath}' for more than {Plural.Of(timeout.TotalSeconds, "second", "0.#")}.",
                "Retry; if it persists, find the process that is still writing the store (a lock of a process that ended is released by the system).", lockPath);

        internal static StoreException NotFound(string usernameOrAlias) =>
            new StoreException(StoreErrorIds.OrgAuthNotFound, JwtAuthErrorKind.ObjectNotFound,
                $"No stored auth has the username or alias '{usernameOrAlias}'.",
                "Check the name with Get-SfOrgAuth, or run Connect-SfOrgJwt for that org first.", usernameOrAlias);

        internal static StoreException FileUnreadable(string path, Exception inner) =>
            new StoreException(StoreErrorIds.FileUnreadable, JwtAuthErrorKind.PermissionDenied,
                $"The auth store file '{path}' cannot be opened ({inner.GetType().Name}).",
                "Check that the current user owns the store folder and its files.", path, inner);

        internal static StoreException WriteFailed(string path, Exception inner) =>
            new StoreException(StoreErrorIds.WriteFailed, JwtAuthErrorKind.WriteError,
                $"The auth store could not write '{path}' ({inner.GetType().Name}).",
                "Check that the folder exists, is writable by the current user and the disk is not full; the previous content is unchanged.", path, inner);

        internal static StoreException InvalidArgument(string errorId, string problem, string fix, object? target) =>
            new StoreException(errorId, JwtAuthErrorKind.InvalidArgument, problem, fix, target);
    }

    /// <summary>The stable error ids the store raises.</summary>
    public static class StoreErrorIds
    {
        public const string FileCorrupt = "StoreFileCorrupt";
        public const string VersionUnsupported = "StoreVersionUnsupported";
        public const string LockTimeout = "StoreLockTimeout";
        public const string OrgAuthNotFound = "OrgAuthNotFound";
        public const string NoDefaultOrg = "NoDefaultOrg";
        public const string NoDefaultDevHub = "NoDefaultDevHub";
        public const string WriteFailed = "StoreWriteFailed";
        public const string FileUnreadable = "StoreFileUnreadable";
        public const string InvalidAlias = "InvalidOrgAlias";
        public const string InvalidUsername = "InvalidOrgUsername";
        public const string UsernameMismatch = "OrgUsernameMismatch";
        public const string NotRenewable = "AuthNotRenewable";
        public const string DirectoryUnknown = "StoreDirectoryUnknown";
        public const string KeyInvalid = "StoreKeyInvalid";
    }
}
