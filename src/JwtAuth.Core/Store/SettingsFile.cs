using System.Collections.Generic;

namespace JwtAuth.Core.Store
{
    /// <summary>
    /// <c>settings.json</c>: the aliases, the default org and the default Dev Hub, read whole and written
    /// whole under the store lock. This is the one writer of that file.
    /// </summary>
    internal sealed class SettingsFile
    {
        private readonly StoreLayout _layout;

        public SettingsFile(StoreLayout layout) => _layout = layout;

        private string Path => _layout.SettingsPath;

        /// <summary>For reading: a bad file is reported (when <paramref name="problems"/> is given) and read as no aliases or defaults.</summary>
        public OrgIndex Read(List<StoreProblem>? problems = null)
        {
            try
            {
                return ReadForChange();
            }
            catch (StoreException e)
            {
                problems?.Add(StoreProblem.From(e));
                return new OrgIndex();
            }
        }

        /// <summary>For changing: a bad file stops the change, so it is never silently replaced.</summary>
        public OrgIndex ReadForChange()
        {
            var bytes = StoreFiles.ReadIfExists(Path);
            return bytes == null ? new OrgIndex() : StoreFormat.Deserialize(Path, bytes, SettingsDocument.Read).ToIndex(Path);
        }

        public void Write(OrgIndex index) => _layout.Replace(Path, StoreFormat.Serialize(SettingsDocument.From(index)));
    }
}
