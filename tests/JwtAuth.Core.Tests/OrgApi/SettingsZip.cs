using System.IO.Compression;
using System.Text;

namespace JwtAuth.Core.Tests.OrgApi;

/// <summary>A deploy zip as scratch org settings make one: package.xml naming one Settings member, and its file.</summary>
internal static class SettingsZip
{
    public const string SettingsFile = "settings/LightningExperience.settings";

    /// <param name="withSettingsFile">False leaves the named member's file out, which Salesforce fails the deploy for.</param>
    public static byte[] Create(bool withSettingsFile = true)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

            Add("package.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Package xmlns=\"http://soap.sforce.com/2006/04/metadata\">" +
                               "<types><members>LightningExperience</members><name>Settings</name></types><version>62.0</version></Package>");
            if (withSettingsFile)
            {
                Add(SettingsFile, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" +
                    "<LightningExperienceSettings xmlns=\"http://soap.sforce.com/2006/04/metadata\"><enableS1DesktopEnabled>true</enableS1DesktopEnabled></LightningExperienceSettings>");
            }
        }

        return buffer.ToArray();
    }
}
