using System.Collections.Generic;
using System.Collections.ObjectModel;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// A checked scratch org definition: the ScratchOrgInfo insert and the settings to deploy once the org is Active.
    /// Immutable; <see cref="CreateInsertBody"/> hands out a fresh copy each time. Made by <see cref="ScratchOrgDefinitionReader"/>.
    /// </summary>
    public sealed class ScratchOrgDefinition
    {
        private readonly JObject _insertBody;

        internal ScratchOrgDefinition(JObject insertBody, ScratchOrgSettings settings, string? username, string? definitionFile, IList<string> warnings)
        {
            _insertBody = insertBody;
            Settings = settings;
            Username = username;
            DefinitionFile = definitionFile;
            Warnings = new ReadOnlyCollection<string>(warnings);
        }

        /// <summary>The file it was read from as the caller named it; null for JSON text or an edition.</summary>
        public string? DefinitionFile { get; }

        /// <summary>The requested username, lower-cased as Salesforce stores it; null when Salesforce picks one.</summary>
        public string? Username { get; }

        /// <summary>The <c>settings</c> and <c>objectSettings</c> to deploy after the org is Active (empty when there are none).</summary>
        public ScratchOrgSettings Settings { get; }

        /// <summary>What the cmdlet should show as warnings (retired features dropped or replaced).</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>The body to POST to <c>sobjects/ScratchOrgInfo</c>, e.g. <c>{"Edition":"Developer","OrgName":"Company","DurationDays":7,...}</c>.</summary>
        public JObject CreateInsertBody() => (JObject)_insertBody.DeepClone();
    }
}
