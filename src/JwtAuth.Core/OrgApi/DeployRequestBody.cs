using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.OrgApi
{
    /// <summary>
    /// The body of <c>POST .../metadata/deployRequest</c>: multipart/form-data with the JSON part <c>json</c>
    /// (<c>{"deployOptions":{...}}</c>) and the zip as part <c>file</c> (deploy.zip, application/zip). Written byte by
    /// byte rather than with MultipartFormDataContent, whose quoting of the boundary and extra <c>filename*</c>
    /// parameter differ between .NET Framework and .NET; this way both send the form Salesforce documents.
    /// </summary>
    internal sealed class DeployRequestBody
    {
        public const string JsonPart = "json";
        public const string FilePart = "file";
        public const string FileName = "deploy.zip";

        private DeployRequestBody(string boundary, byte[] bytes)
        {
            Boundary = boundary;
            Bytes = bytes;
        }

        public string Boundary { get; }
        public byte[] Bytes { get; }

        public static DeployRequestBody Create(JObject deployOptions, byte[] zip)
        {
            var json = new JObject { ["deployOptions"] = deployOptions }.ToString(Formatting.None);
            var boundary = NewBoundary(zip);
            using var body = new MemoryStream();
            Write(body, $"--{boundary}\r\nContent-Disposition: form-data; name=\"{JsonPart}\"\r\nContent-Type: application/json\r\n\r\n");
            Write(body, json);
            Write(body, $"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"{FilePart}\"; filename=\"{FileName}\"\r\nContent-Type: application/zip\r\n\r\n");
            body.Write(zip, 0, zip.Length);
            Write(body, $"\r\n--{boundary}--\r\n");
            return new DeployRequestBody(boundary, body.ToArray());
        }

        public HttpContent ToContent()
        {
            var content = new ByteArrayContent(Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
            content.Headers.ContentType.Parameters.Add(new NameValueHeaderValue("boundary", Boundary));
            return content;
        }

        // A boundary must not occur in the parts; a random one practically never does, and this makes sure.
        private static string NewBoundary(byte[] zip)
        {
            while (true)
            {
                var boundary = "JwtAuthDeploy" + Guid.NewGuid().ToString("N");
                if (IndexOf(zip, Encoding.ASCII.GetBytes(boundary)) < 0)
                {
                    return boundary;
                }
            }
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (var i = 0; i <= haystack.Length - needle.Length; i++)
            {
                var j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j])
                {
                    j++;
                }

                if (j == needle.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        private static void Write(Stream stream, string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
        }
    }
}
