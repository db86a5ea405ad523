using System;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Http;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Login
{
    /// <summary>The parts of Salesforce's token answer the client uses. Extra fields are ignored.</summary>
    internal sealed class TokenResponse
    {
        private TokenResponse(string accessToken, Uri instanceUrl, string idUrl, string orgId, string userId, DateTimeOffset issuedAt)
        {
            AccessToken = accessToken;
            InstanceUrl = instanceUrl;
            IdUrl = idUrl;
            OrgId = orgId;
            UserId = userId;
            IssuedAt = issuedAt;
        }

        public string AccessToken { get; }
        public Uri InstanceUrl { get; }
        public string IdUrl { get; }
        public string OrgId { get; }
        public string UserId { get; }
        public DateTimeOffset IssuedAt { get; }

        /// <summary>Reads a 2xx token answer; a missing or mistyped field is a <see cref="TokenEndpointException"/>.</summary>
        public static TokenResponse Parse(JObject json, HttpReply reply, string tokenUrl, DateTimeOffset now)
        {
            var accessToken = JsonBody.String(json, "access_token");
            if (string.IsNullOrEmpty(accessToken))
            {
                throw Incomplete(reply, tokenUrl, "has no access_token string");
            }

            var instanceText = JsonBody.String(json, "instance_url");
            if (string.IsNullOrEmpty(instanceText))
            {
                throw Incomplete(reply, tokenUrl, "has no instance_url string");
            }

            Uri instance;
            try
            {
                // The token will be sent there: same rules as for a login URL (https, or http to loopback).
                instance = LoginUrlPolicy.Normalize(instanceText);
            }
            catch (LoginUrlException)
            {
                // The value is not echoed: it arrived beside the access token, and a mangled answer can mix the two.
                throw Incomplete(reply, tokenUrl, "has an instance_url that is not an https host (or http to loopback)");
            }

            var id = JsonBody.String(json, "id");
            if (string.IsNullOrEmpty(id) || !Uri.TryCreate(id, UriKind.Absolute, out var idUri))
            {
                throw Incomplete(reply, tokenUrl, "has no id URL");
            }

            var segments = idUri.AbsolutePath.Trim('/').Split('/');
            if (segments.Length < 2 || segments[segments.Length - 1].Length == 0 || segments[segments.Length - 2].Length == 0)
            {
                throw Incomplete(reply, tokenUrl, "has an id URL without org and user ids (expected .../id/<orgId>/<userId>)");
            }

            return new TokenResponse(accessToken!, instance, id!, segments[segments.Length - 2], segments[segments.Length - 1],
                ReadIssuedAt(json) ?? now);
        }

        // issued_at is epoch milliseconds, as a string in Salesforce's answers (tolerate a number too).
        private static DateTimeOffset? ReadIssuedAt(JObject json)
        {
            if (!json.TryGetValue("issued_at", StringComparison.Ordinal, out var token))
            {
                return null;
            }

            long ms;
            if (token.Type == JTokenType.Integer)
            {
                // Beyond Int64 Newtonsoft holds a BigInteger, and casting it to long throws: not a time either way.
                if (!(((JValue)token).Value is long integer))
                {
                    return null;
                }

                ms = integer;
            }
            else if (token.Type != JTokenType.String || !long.TryParse((string?)token, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out ms))
            {
                return null;
            }

            const long maxMs = 253402300799999L;
            return ms > 0 && ms <= maxMs ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        }

        private static TokenEndpointException Incomplete(HttpReply reply, string tokenUrl, string what) =>
            new TokenEndpointException("TokenResponseIncomplete", JwtAuthErrorKind.InvalidData,
                $"The token endpoint at {tokenUrl} answered {reply.Describe()} but the JSON {what}.",
                "Something other than Salesforce may be answering (check -LoginUrl and proxies); if it is Salesforce, try again later.",
                tokenUrl)
            { StatusCode = reply.StatusCode, ContentType = reply.ContentType };
    }
}
