using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace JwtAuth.Core.Tests.Mock;

/// <summary>Zips and multipart bodies shaped like the CLI's scratch org settings deploy.</summary>
internal static class DeployZip
{
    private const string Ns = "http://soap.sforce.com/2006/04/metadata";

    /// <summary>package.xml naming the settings, and settings/&lt;Name&gt;.settings with root &lt;NameSettings&gt;, under an optional folder.</summary>
    public static byte[] Settings(string folder, params string[] names)
    {
        var files = new List<(string, string)> { (folder + "package.xml", Package(("Settings", names))) };
        files.AddRange(names.Select(n => (folder + $"settings/{n}.settings", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><{n}Settings xmlns=\"{Ns}\"><enabled>true</enabled></{n}Settings>")));
        return Build(files.ToArray());
    }

    public static string Package(params (string Type, string[] Members)[] types)
    {
        var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Package xmlns=\"{Ns}\">");
        foreach (var (type, members) in types)
        {
            xml.Append("<types>");
            foreach (var member in members) xml.Append("<members>").Append(member).Append("</members>");
            xml.Append("<name>").Append(type).Append("</name></types>");
        }
        return xml.Append("<version>65.0</version></Package>").ToString();
    }

    public static byte[] Build(params (string Path, string Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var writer = new StreamWriter(archive.CreateEntry(path).Open());
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The documented request: a 'json' part with deployOptions and the zip as 'file'.</summary>
    public static MultipartFormDataContent Request(byte[] zip, string deployOptionsJson = "{\"deployOptions\":{\"rollbackOnError\":true,\"singlePackage\":false}}")
    {
        var json = new StringContent(deployOptionsJson, Encoding.UTF8, "application/json");
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { json, "json" }, { file, "file", "deploy.zip" } };
    }
}
