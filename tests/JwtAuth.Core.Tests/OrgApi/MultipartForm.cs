using System.Text;
using System.Text.RegularExpressions;

namespace JwtAuth.Core.Tests.OrgApi;

/// <summary>A multipart/form-data body as a server reads it (RFC 7578): the parts, each with its headers and exact bytes.</summary>
internal sealed class MultipartForm
{
    private MultipartForm(string boundary, IReadOnlyList<Part> parts)
    {
        Boundary = boundary;
        Parts = parts;
    }

    public string Boundary { get; }
    public IReadOnlyList<Part> Parts { get; }

    public Part this[string name] => Parts.Single(p => p.Name == name);

    /// <summary>Parses <paramref name="body"/> with the boundary of <paramref name="contentType"/>; throws if it is malformed.</summary>
    public static MultipartForm Parse(string contentType, byte[] body)
    {
        var match = Regex.Match(contentType, "^multipart/form-data;\\s*boundary=([^;\"]+)$");
        Assert.True(match.Success, $"Content-Type '{contentType}' is not multipart/form-data with a plain boundary");
        var boundary = match.Groups[1].Value;
        // Latin-1 maps every byte to one char and back, so binary parts survive the string handling.
        var text = Encoding.Latin1.GetString(body);
        var delimiter = "--" + boundary;
        Assert.StartsWith(delimiter + "\r\n", text);
        Assert.EndsWith("\r\n" + delimiter + "--\r\n", text);
        var inner = text[(delimiter.Length + 2)..^(delimiter.Length + 6)];
        var parts = inner.Split("\r\n" + delimiter + "\r\n").Select(Part.Parse).ToList();
        return new MultipartForm(boundary, parts);
    }

    internal sealed class Part
    {
        private Part(IReadOnlyDictionary<string, string> headers, byte[] content)
        {
            Headers = headers;
            Content = content;
        }

        public IReadOnlyDictionary<string, string> Headers { get; }
        public byte[] Content { get; }
        public string Text => Encoding.UTF8.GetString(Content);

        public string? Name => Disposition("name");
        public string? FileName => Disposition("filename");

        public static Part Parse(string raw)
        {
            var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            Assert.True(split > 0, "a part without headers");
            var headers = raw[..split].Split("\r\n").Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            return new Part(headers, Encoding.Latin1.GetBytes(raw[(split + 4)..]));
        }

        private string? Disposition(string parameter)
        {
            var match = Regex.Match(Headers["Content-Disposition"], $"^form-data(;.*)?;\\s*{parameter}=\"([^\"]*)\"");
            return match.Success ? match.Groups[2].Value : null;
        }
    }
}
