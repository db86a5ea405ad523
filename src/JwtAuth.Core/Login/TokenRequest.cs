using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Http;

namespace JwtAuth.Core.Login
{
    /// <summary>
    /// One POST of an assertion to <c>{loginUrl}/services/oauth2/token</c> and the reading of its answer:
    /// a token, an OAuth error from Salesforce, or a <see cref="TokenEndpointException"/>.
    /// </summary>
    internal static class TokenRequest
    {
        public const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";
        private const string What = "The token endpoint";

        public static async Task<TokenAttempt> SendAsync(HttpSender sender, Uri tokenUrl, string assertion, TimeSpan timeout,
            CancellationToken cancellationToken)
        {
            var url = tokenUrl.GetLeftPart(UriPartial.Path);
            var reply = await sender.SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl)
                {
                    Content = new FormUrlEncodedContent(new[]
                    {
                        new KeyValuePair<string, string>("grant_type", GrantType),
                        new KeyValuePair<string, string>("assertion", assertion),
                    }),
                };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                return request;
            }, What, timeout, cancellationToken).ConfigureAwait(false);

            if (reply.StatusCode >= 300 && reply.StatusCode <= 399)
            {
                throw Redirect(reply, tokenUrl, url);
            }

            if (reply.StatusCode == 429 || reply.StatusCode >= 500)
            {
                throw Unavailable(reply, url);
            }

            var json = JsonBody.Parse(reply, url, What);
            if (reply.IsSuccess)
            {
                return TokenAttempt.Success(TokenResponse.Parse(json, reply, url, sender.Clock.GetUtcNow()));
            }

            var error = JsonBody.String(json, "error");
            if (string.IsNullOrEmpty(error))
            {
                throw new TokenEndpointException("ResponseUnexpected", JwtAuthErrorKind.InvalidData,
                    $"{What} at {url} answered {reply.Describe()} with JSON that is not an OAuth error.",
                    "Check that -LoginUrl is a Salesforce login host (login.salesforce.com, test.salesforce.com or a My Domain).", url)
                { StatusCode = reply.StatusCode, ContentType = reply.ContentType };
            }

            return TokenAttempt.Refused(reply.StatusCode, error!, JsonBody.String(json, "error_description"));
        }

        private static TokenEndpointException Redirect(HttpReply reply, Uri tokenUrl, string url)
        {
            var host = reply.Location?.Host;
            var suggestion = reply.Location is null ? null : reply.Location.GetLeftPart(UriPartial.Authority);
            var problem = host is null
                ? $"{What} at {url} answered with a redirect (HTTP {reply.StatusCode}) without a location. The assertion was not sent anywhere else."
                : $"{What} at {url} redirected (HTTP {reply.StatusCode}) to the host {reply.Location!.Authority}. Redirects are not followed, so the assertion was not sent there.";
            var fix = host is null || string.Equals(reply.Location!.Authority, tokenUrl.Authority, StringComparison.OrdinalIgnoreCase)
                ? "Use the org's My Domain URL (https://yourdomain.my.salesforce.com) as -LoginUrl."
                : $"If {host} is your org's login host, use -LoginUrl {suggestion}.";
            return new TokenEndpointException("TokenEndpointRedirect", JwtAuthErrorKind.InvalidOperation, problem, fix, url)
            { StatusCode = reply.StatusCode, ContentType = reply.ContentType, RedirectHost = host };
        }

        private static TokenEndpointException Unavailable(HttpReply reply, string url)
        {
            var throttled = reply.StatusCode == 429;
            var html = (reply.ContentType ?? string.Empty).IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0;
            return new TokenEndpointException(throttled ? "TokenEndpointThrottled" : "TokenEndpointUnavailable",
                JwtAuthErrorKind.ResourceUnavailable,
                $"{What} at {url} answered {reply.Describe()}" +
                (throttled ? ": too many requests." : ": the server is unavailable.") +
                (html ? " The body is an HTML page (a proxy or outage page)." : string.Empty),
                throttled
                    ? "Salesforce is rate-limiting logins: wait a minute, or lower -ThrottleLimit for bulk logins."
                    : "Salesforce or a proxy in between is having trouble: try again later (status.salesforce.com shows incidents).",
                url)
            { StatusCode = reply.StatusCode, ContentType = reply.ContentType, IsTransient = true, RetryAfter = reply.RetryAfter };
        }
    }
}
