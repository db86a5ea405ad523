using System;
using JwtAuth.Core.Errors;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// Builds every <see cref="ScratchOrgDefinitionException"/> so the wording stays consistent. Messages name keys
    /// and positions, never values from the file (a definition may carry an admin's e-mail or a description).
    /// </summary>
    internal static class ScratchOrgDefinitionErrors
    {
        public static ScratchOrgDefinitionException FileNotFound(string path) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.DefinitionFileNotFound, JwtAuthErrorKind.ObjectNotFound,
            $"The definition file '{path}' does not exist.",
            "Check the path given to -DefinitionFile (usually config/project-scratch-def.json in the project), or use -Edition without a file.",
            path);

        public static ScratchOrgDefinitionException PathIsDirectory(string path) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.DefinitionFileUnreadable, JwtAuthErrorKind.InvalidArgument,
            $"The definition file path '{path}' is a folder, not a file.",
            "Give the path of the JSON file itself, e.g. project-scratch-def.json inside that folder.",
            path);

        public static ScratchOrgDefinitionException FileUnreadable(string path, Exception inner) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.DefinitionFileUnreadable,
            inner is UnauthorizedAccessException ? JwtAuthErrorKind.PermissionDenied : JwtAuthErrorKind.ResourceUnavailable,
            $"The definition file '{path}' cannot be read ({inner.GetType().Name}).",
            "Check that the current user can read the file and that it is not locked by another program.",
            path, innerException: inner);

        public static ScratchOrgDefinitionException Empty(string? path) => InvalidJson(path,
            $"{Source(path)} is empty.", null);

        /// <summary>At the parser's position (the last character it read); line 0 means it failed on the first value.</summary>
        public static ScratchOrgDefinitionException NotJson(string? path, int line, int position, Exception inner) => InvalidJson(path,
            $"{Source(path)} is not valid JSON: the parser stopped " + (line > 0 ? $"at line {line}, position {position}." : "at its first value."), inner);

        public static ScratchOrgDefinitionException NotAnObject(string? path, string jsonType) => InvalidJson(path,
            $"{Source(path)} holds a JSON {jsonType}, not an object.", null);

        public static ScratchOrgDefinitionException InvalidCasing(string? path, string key) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.DefinitionFileInvalidCasing, JwtAuthErrorKind.InvalidData,
            $"{Source(path)} has the key '{key}', which does not start with a lower-case letter.",
            "Write the definition's keys in camel case as the Salesforce CLI requires (e.g. 'edition', 'orgName', 'features'); JwtAuth upper-cases the first letter for Salesforce itself.",
            path, key);

        public static ScratchOrgDefinitionException DurationDaysInFile(string? path, string key) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.DefinitionFileDurationDays, JwtAuthErrorKind.InvalidArgument,
            $"{Source(path)} sets '{key}', which a definition may not set.",
            "Remove it from the file and pass -DurationDays (1 to 30, default 7) instead.",
            path, key);

        public static ScratchOrgDefinitionException SnapshotConflict(string? path, string keys) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.DefinitionFileSnapshotConflict, JwtAuthErrorKind.InvalidArgument,
            $"{Source(path)} creates the org from a snapshot but also sets {keys}, which a snapshot org cannot take.",
            "Remove those keys, or remove 'snapshot' to create the org from an edition.",
            path, "snapshot");

        public static ScratchOrgDefinitionException OrgPreferences(string? path) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.DefinitionFileOrgPreferences, JwtAuthErrorKind.InvalidData,
            $"{Source(path)} uses 'orgPreferences', which Salesforce and the Salesforce CLI no longer accept.",
            "Replace 'orgPreferences' with the corresponding entries under 'settings' (e.g. \"settings\": {\"lightningExperienceSettings\": {\"enableS1DesktopEnabled\": true}}).",
            path, "orgPreferences");

        public static ScratchOrgDefinitionException AncestorIds(string? path, string key) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.DefinitionFileAncestorIds, JwtAuthErrorKind.InvalidData,
            $"{Source(path)} sets '{key}', which a scratch org definition no longer supports.",
            "Remove it; package ancestors belong in sfdx-project.json (JwtAuth does not read that file).",
            path, key);

        public static ScratchOrgDefinitionException ConnectedApp(string? path, string key) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.DefinitionFileConnectedApp, JwtAuthErrorKind.InvalidArgument,
            $"{Source(path)} sets '{key}', which JwtAuth sets itself.",
            "Remove it: the new org is pre-authorized for the Dev Hub's connected app (its client id, callback http://localhost:1717/OauthRedirect), which is what lets JwtAuth log in to it by JWT.",
            path, key);

        public static ScratchOrgDefinitionException InvalidValue(string? path, string key, string expected) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.DefinitionFileInvalidValue, JwtAuthErrorKind.InvalidData,
            $"In {Describe(path)}, '{key}' is not {expected}.",
            $"Give '{key}' as {expected}.",
            path, key);

        public static ScratchOrgDefinitionException InvalidSettings(string? path, string key, string why, string fix) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.DefinitionFileInvalidSettings, JwtAuthErrorKind.InvalidData,
            $"In {Describe(path)}, '{key}' {why}.",
            fix, path, key);

        public static ScratchOrgDefinitionException DurationDaysOutOfRange(int days) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.DurationDaysOutOfRange, JwtAuthErrorKind.InvalidArgument,
            $"{days} days is not a scratch org duration Salesforce accepts.",
            $"Give -DurationDays between {ScratchOrgDefinitionOptions.MinDurationDays} and {ScratchOrgDefinitionOptions.MaxDurationDays} (default {ScratchOrgDefinitionOptions.DefaultDurationDays}).",
            null, target: days);

        public static ScratchOrgDefinitionException EditionInvalid(string? edition) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.EditionInvalid, JwtAuthErrorKind.InvalidArgument,
            "The scratch org edition is empty.",
            "Give -Edition as Developer (default), Enterprise, Group, Professional or a partner edition such as partner-developer, or use -DefinitionFile.",
            null, target: edition);

        public static ScratchOrgDefinitionException ApiVersionInvalid(string? apiVersion) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.SettingsApiVersionInvalid, JwtAuthErrorKind.InvalidArgument,
            $"'{apiVersion}' is not a Metadata API version.",
            "Give the version as major.minor, e.g. 65.0 (the org's latest API version).",
            null, target: apiVersion);

        private static ScratchOrgDefinitionException InvalidJson(string? path, string problem, Exception? inner) => new ScratchOrgDefinitionException(
            ScratchOrgDefinitionErrorIds.DefinitionFileInvalidJson, JwtAuthErrorKind.InvalidData, problem,
            "Fix the file so it holds one JSON object, e.g. {\"edition\": \"Developer\", \"features\": [\"API\"]}.",
            path, innerException: inner);

        private static string Source(string? path) => path is null ? "The scratch org definition" : $"The definition file '{path}'";

        private static string Describe(string? path) => path is null ? "the scratch org definition" : $"the definition file '{path}'";
    }
}
