using System;
using JwtAuth.Core.Errors;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// A scratch org definition (file, JSON, edition or options) that cannot be turned into a ScratchOrgInfo insert
    /// or a settings deploy. Raised before any call to Salesforce; <see cref="JwtAuthException.ErrorId"/> is one
    /// of <see cref="ScratchOrgDefinitionErrorIds"/>.
    /// </summary>
    public sealed class ScratchOrgDefinitionException : JwtAuthException
    {
        public ScratchOrgDefinitionException(string errorId, JwtAuthErrorKind kind, string problem, string fix,
            string? definitionFile, string? key = null, object? target = null, Exception? innerException = null)
            : base(errorId, kind, problem, fix, target ?? definitionFile, innerException)
        {
            DefinitionFile = definitionFile;
            Key = key;
        }

        /// <summary>The definition file as the caller named it; null when the definition came as text or options.</summary>
        public string? DefinitionFile { get; }

        /// <summary>The offending key as written, dotted below the top level (<c>settings.securitySettings.x</c>); null when no key is at fault.</summary>
        public string? Key { get; }
    }

    /// <summary>Stable error ids of <see cref="ScratchOrgDefinitionException"/>; scripts match on these.</summary>
    public static class ScratchOrgDefinitionErrorIds
    {
        public const string DefinitionFileNotFound = nameof(DefinitionFileNotFound);
        public const string DefinitionFileUnreadable = nameof(DefinitionFileUnreadable);
        public const string DefinitionFileInvalidJson = nameof(DefinitionFileInvalidJson);
        public const string DefinitionFileInvalidCasing = nameof(DefinitionFileInvalidCasing);
        public const string DefinitionFileDurationDays = nameof(DefinitionFileDurationDays);
        public const string DefinitionFileSnapshotConflict = nameof(DefinitionFileSnapshotConflict);
        public const string DefinitionFileOrgPreferences = nameof(DefinitionFileOrgPreferences);
        public const string DefinitionFileAncestorIds = nameof(DefinitionFileAncestorIds);
        public const string DefinitionFileConnectedApp = nameof(DefinitionFileConnectedApp);
        public const string DefinitionFileInvalidValue = nameof(DefinitionFileInvalidValue);
        public const string DefinitionFileInvalidSettings = nameof(DefinitionFileInvalidSettings);
        public const string DurationDaysOutOfRange = nameof(DurationDaysOutOfRange);
        public const string EditionInvalid = nameof(EditionInvalid);
        public const string SettingsApiVersionInvalid = nameof(SettingsApiVersionInvalid);
    }
}
