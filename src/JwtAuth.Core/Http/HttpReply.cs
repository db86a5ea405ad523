using System;
using System.Net.Http.Headers;
using System.Text;
using JwtAuth.Core.Text;

namespace JwtAuth.Core.Http
{
    /// <summary>A fully read, size-capped HTTP response: what the parsers look at.</summary>
    internal sealed class HttpReply
    {
        public HttpReply(int statusCode, string? reasonPhrase, string? contentType, byte[] body, Uri? location, TimeSpan? retryAfter)
        {
            StatusCode = statusCode;
            ReasonPhrase = reasonPhrase;
            ContentType = contentType;
            Body = body;
            Location = location;
            RetryAfter = retryAfter;
        }

        public int StatusCode { get; }
        public string? ReasonPhrase { get; }
        public string? ContentType { get; }
        public byte[] Body { get; }
        public Uri? Location { get; }
        public TimeSpan? RetryAfter { get; }

        public bool IsSuccess => StatusCode >= 200 && StatusCode <= 299;

        public string BodyText => Encoding.UTF8.GetString(Body).TrimStart('\uFEFF');

        /// <summary>The first character of the body past white space and a BOM ('{' for a JSON object, '&lt;' for HTML); '\0' when empty.</summary>
        public char FirstSignificantChar
        {
            get
            {
                foreach (var b in Body)
                {
                    if (b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n' || b == 0xEF || b == 0xBB || b == 0xBF)
                    {
                        continue;
                    }

                    return (char)b;
                }

                return '\0';
            }
        }

        /// <summary>Retry-After as a delay (seconds) or an HTTP date; null when absent; never negative.</summary>
        public static TimeSpan? RetryAfterFrom(RetryConditionHeaderValue? header, DateTimeOffset now)
        {
            if (header is null)
            {
                return null;
            }

            if (header.Delta.HasValue)
            {
                return header.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : header.Delta.Value;
            }

            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }

        public string Describe() =>
            $"HTTP {StatusCode}{(string.IsNullOrEmpty(ReasonPhrase) ? string.Empty : " " + ReasonPhrase)}, " +
            $"content type {(string.IsNullOrEmpty(ContentType) ? "(none)" : ContentType)}, {Plural.Of(Body.Length, "byte")}";
    }
}
