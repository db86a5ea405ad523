using JwtAuth.Core.Errors;
using JwtAuth.Core.Http;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.OrgApi
{
    /// <summary>
    /// A 2xx answer of the REST API, read: its status and JSON (null for an empty body such as 204's). Everything else
    /// becomes an exception here: a redirect (not followed), Salesforce's error list (<see cref="OrgApiException"/>),
    /// or a body that is not Salesforce's JSON (a <see cref="TokenEndpointException"/> with the status, never a parser crash).
    /// </summary>
    internal sealed class RestAnswer
    {
        internal const string NotJsonFix =
            "Check the org's instance URL and your proxy settings (HTTPS_PROXY, NO_PROXY); if they are right, Salesforce may be down (status.salesforce.com): try again later.";

        private RestAnswer(int statusCode, JToken? json, string where, string what)
        {
            StatusCode = statusCode;
            Json = json;
            Where = where;
            What = what;
        }

        public int StatusCode { get; }
        public JToken? Json { get; }

        /// <summary>The URL without its query, as messages name it.</summary>
        public string Where { get; }

        public string What { get; }

        /// <param name="secret">The access token the request carried; masked should the server echo it.</param>
        public static RestAnswer Read(HttpReply reply, string where, string what, string secret)
        {
            if (reply.StatusCode >= 300 && reply.StatusCode <= 399)
            {
                throw new TokenEndpointException("TokenEndpointRedirect", JwtAuthErrorKind.InvalidOperation,
                    $"{what} at {where} answered with a redirect (HTTP {reply.StatusCode}{(reply.Location is null ? string.Empty : " to the host " + reply.Location.Authority)}). " +
                    "Redirects are not followed, so the token was not sent anywhere else.",
                    "Use the org's instance URL as Salesforce returned it at login (its My Domain URL); connect again if the org moved.", where)
                { StatusCode = reply.StatusCode, ContentType = reply.ContentType, RedirectHost = reply.Location?.Host };
            }

            if (reply.IsSuccess)
            {
                var json = reply.FirstSignificantChar == '\0' ? null : JsonBody.ParseObjectOrArray(reply, where, what, NotJsonFix);
                return new RestAnswer(reply.StatusCode, json, where, what);
            }

            var error = JsonBody.ParseObjectOrArray(reply, where, what, NotJsonFix);
            var errors = RestError.ListFrom(error, secret);
            if (errors.Count == 0)
            {
                throw new TokenEndpointException("RestCallFailed", JwtAuthErrorKind.ResourceUnavailable,
                    $"{what} at {where} answered {reply.Describe()} with JSON that is not a Salesforce error list.",
                    "Check the org's instance URL; if it is right, Salesforce may be unavailable: try again later.", where)
                { StatusCode = reply.StatusCode, ContentType = reply.ContentType };
            }

            throw OrgApiErrors.From(reply.StatusCode, errors, what, where);
        }

        /// <summary>The answer's JSON object; anything else is a typed error.</summary>
        public JObject Object() => Json as JObject ?? throw Unexpected("is not a JSON object");

        /// <summary>An answer with the right status but not the shape Salesforce documents.</summary>
        public TokenEndpointException Unexpected(string what) =>
            new TokenEndpointException("ResponseUnexpected", JwtAuthErrorKind.InvalidData,
                $"{What} at {Where} answered HTTP {StatusCode}, but the answer {what}.",
                "Something other than Salesforce may be answering (check the instance URL and proxies); if it is Salesforce, try again later.", Where)
            { StatusCode = StatusCode };
    }
}
