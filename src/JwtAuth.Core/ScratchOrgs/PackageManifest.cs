using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>
    /// The settings package's <c>package.xml</c>: a <c>types</c> element per metadata type that has members
    /// (members first, then the type's name), then the API version, as sfdx-core's createObjectFileContent lists them.
    /// </summary>
    internal static class PackageManifest
    {
        public static XElement Write(IEnumerable<(string Type, IReadOnlyList<string> Members)> types, string apiVersion)
        {
            var package = MetadataXml.Element("Package");
            foreach (var (type, members) in types.Where(t => t.Members.Count > 0))
            {
                package.Add(MetadataXml.Element("types",
                    members.Select(m => MetadataXml.Element("members", m)),
                    MetadataXml.Element("name", type)));
            }
            package.Add(MetadataXml.Element("version", apiVersion));
            return package;
        }
    }
}
