using System.Xml.Linq;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>An object file and the package.xml members it adds.</summary>
    internal sealed class ObjectSettingsFile
    {
        public ObjectSettingsFile(string objectName, XElement root, string? recordTypeMember, string? businessProcessMember)
        {
            ObjectName = objectName;
            Root = root;
            RecordTypeMember = recordTypeMember;
            BusinessProcessMember = businessProcessMember;
        }

        public string ObjectName { get; }
        public XElement Root { get; }
        public string? RecordTypeMember { get; }
        public string? BusinessProcessMember { get; }
    }
}
