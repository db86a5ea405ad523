using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Http;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.OrgApi
{
    /// <summary>
    /// One org's REST endpoint as one caller uses it: the instance, the bearer token (sent there only, in the header,
    /// never in a URL or message), the per-request timeout, and the shared transport. Answers are read by <see cref="RestAnswer"/>.
    /// </summary>
    internal sealed class OrgRest
    {
        private readonly HttpSender _sender;
        private readonly string _accessToken;
        private readonly TimeSpan _timeout;

        /// <param name="instance">Already checked like a login URL (https, or http to loopback).</param>
        public OrgRest(HttpSender sender, Uri instance, string accessToken, TimeSpan timeout)
        {
            _sender = sender;
            Instance = instance;
            _accessToken = accessToken;
            _timeout = timeout;
        }

        public Uri Instance { get; }

        /// <summary>Server text made fit for a message or result: one short line, the token masked should the server echo it.</summary>
        public string Clean(string text) => ServerText.Clean(text, _accessToken);

        /// <summary>Salesforce's error list in <paramref name="json"/>, cleaned like <see cref="Clean"/>.</summary>
        public IReadOnlyList<RestError> ErrorsFrom(JToken json) => RestError.ListFrom(json, _accessToken);

        /// <summary>The instance plus <paramref name="path"/>, without a query: what messages name.</summary>
        public string Where(string path) => new Uri(Instance, path).GetLeftPart(UriPartial.Path);

        public Task<RestAnswer> GetAsync(string pathAndQuery, string what, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Get, pathAndQuery, null, what, cancellationToken);

        /// <param name="pathAndQuery">Starts with '/': the instance is the only host a request goes to.</param>
        /// <param name="content">Builds the body (called once per request, so a retried send gets a fresh one).</param>
        public async Task<RestAnswer> SendAsync(HttpMethod method, string pathAndQuery, Func<HttpContent>? content, string what,
            CancellationToken cancellationToken)
        {
            var url = new Uri(Instance, pathAndQuery);
            var reply = await _sender.SendAsync(() =>
            {
                var request = new HttpRequestMessage(method, url);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                request.Content = content?.Invoke();
                return request;
            }, what, _timeout, cancellationToken).ConfigureAwait(false);
            return RestAnswer.Read(reply, Where(pathAndQuery), what, _accessToken);
        }
    }
}
