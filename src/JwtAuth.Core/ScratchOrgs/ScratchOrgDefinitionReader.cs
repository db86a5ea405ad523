using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// Reads a scratch org definition (project-scratch-def.json) the way the Salesforce CLI does and checks it
    /// before anything is sent. Every refusal is a <see cref="ScratchOrgDefinitionException"/>.
    /// </summary>
    public static class ScratchOrgDefinitionReader
    {
        // Comments are skipped (JSON.parse would refuse them); a repeated key keeps its last value, as in JSON.parse.
        private static readonly JsonLoadSettings LoadSettings = new JsonLoadSettings
        {
            CommentHandling = CommentHandling.Ignore,
            DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace,
        };

        /// <summary>Reads and checks the definition file at <paramref name="path"/> (already resolved by the caller).</summary>
        public static ScratchOrgDefinition ReadFile(string path, ScratchOrgDefinitionOptions options)
        {
            if (string.IsNullOrEmpty(path)) throw new ArgumentException("The definition file path is required.", nameof(path));
            return Parse(ReadText(path), path, options);
        }

        /// <summary>Checks a definition given as JSON text; <paramref name="definitionFile"/> names it in errors (null: none).</summary>
        public static ScratchOrgDefinition Parse(string json, string? definitionFile, ScratchOrgDefinitionOptions options)
        {
            if (json is null) throw new ArgumentNullException(nameof(json));
            if (options is null) throw new ArgumentNullException(nameof(options));
            var definition = ParseObject(json, definitionFile);
            // The JSON schema reference editors add; sfdx-core drops it before its casing check would refuse it.
            definition.Remove("$schema");
            DefinitionFileRules.Check(definition, definitionFile);
            var settings = ScratchOrgSettings.From(
                DefinitionFileRules.Find(definition, ScratchOrgInsertBody.SettingsKey)?.Value,
                DefinitionFileRules.Find(definition, ScratchOrgInsertBody.ObjectSettingsKey)?.Value,
                definitionFile);
            var warnings = new List<string>();
            var body = ScratchOrgInsertBody.Build(definition, options, definitionFile, warnings);
            return new ScratchOrgDefinition(body, settings, ScratchOrgInsertBody.Username(definition), definitionFile, warnings);
        }

        /// <summary>
        /// The definition for an edition alone (no file): <paramref name="edition"/> null means Developer; the CLI's
        /// flag spelling <c>partner-developer</c> becomes <c>partner developer</c>, as Salesforce names it.
        /// </summary>
        public static ScratchOrgDefinition FromEdition(string? edition, ScratchOrgDefinitionOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            edition ??= ScratchOrgDefinitionOptions.DefaultEdition;
            if (string.IsNullOrWhiteSpace(edition)) throw ScratchOrgDefinitionErrors.EditionInvalid(edition);
            var name = edition.Trim();
            if (name.StartsWith("partner-", StringComparison.OrdinalIgnoreCase)) name = name.Substring(0, 7) + " " + name.Substring(8);
            var definition = new JObject { ["edition"] = name };
            var body = ScratchOrgInsertBody.Build(definition, options, null, new List<string>());
            return new ScratchOrgDefinition(body, ScratchOrgSettings.None, null, null, new List<string>());
        }

        private static string ReadText(string path)
        {
            if (Directory.Exists(path)) throw ScratchOrgDefinitionErrors.PathIsDirectory(path);
            try
            {
                return File.ReadAllText(path, Encoding.UTF8);
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                throw ScratchOrgDefinitionErrors.FileNotFound(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw ScratchOrgDefinitionErrors.FileUnreadable(path, e);
            }
        }

        private static JObject ParseObject(string json, string? definitionFile)
        {
            if (json.Trim().Length == 0) throw ScratchOrgDefinitionErrors.Empty(definitionFile);
            JToken token;
            try
            {
                using var reader = new JsonTextReader(new StringReader(json))
                {
                    DateParseHandling = DateParseHandling.None,
                    FloatParseHandling = FloatParseHandling.Decimal,
                };
                token = JToken.ReadFrom(reader, LoadSettings);
                while (reader.Read()) { /* only comments or whitespace may follow */ }
            }
            catch (JsonReaderException e)
            {
                throw ScratchOrgDefinitionErrors.NotJson(definitionFile, e.LineNumber, e.LinePosition, e);
            }
            return token as JObject ?? throw ScratchOrgDefinitionErrors.NotAnObject(definitionFile, token.Type.ToString().ToLowerInvariant());
        }
    }
}
