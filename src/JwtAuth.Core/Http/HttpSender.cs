using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Text;

namespace JwtAuth.Core.Http
{
    /// <summary>
    /// The one HTTP transport of a client (login and org API alike): a pooled HttpClient that never follows
    /// redirects, a per-request timeout that travels with each call (headers and body), a capped body, and every
    /// transport failure as a <see cref="TokenEndpointException"/>. Cancellation by the caller stays an
    /// <see cref="OperationCanceledException"/>. Safe for concurrent use.
    /// </summary>
    internal sealed class HttpSender : IDisposable
    {
        private readonly HttpClient _http;
        private readonly int _maxBytes;
        private readonly TimeProvider _clock;

        /// <param name="http">Used as is and disposed with the sender; its own Timeout should be infinite.</param>
        public HttpSender(HttpClient http, int maxBytes, TimeProvider clock)
        {
            _http = http;
            _maxBytes = maxBytes;
            _clock = clock;
        }

        /// <summary>A sender over a new HttpClient with the module's handler (<see cref="HttpHandlerFactory"/>) and User-Agent.</summary>
        public static HttpSender Create(IWebProxy? proxy, int maxBytes, TimeProvider clock)
        {
            var http = new HttpClient(HttpHandlerFactory.Create(proxy), disposeHandler: true)
            {
                // Each request gets its own timeout (SendAsync), so a timeout is told apart from a cancellation.
                Timeout = Timeout.InfiniteTimeSpan,
            };
            http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("JwtAuth",
                typeof(HttpSender).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
            return new HttpSender(http, maxBytes, clock);
        }

        public TimeProvider Clock => _clock;

        /// <param name="what">Names the endpoint in messages, e.g. "The token endpoint".</param>
        /// <param name="timeout">The bound for this request, headers and body; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
        public async Task<HttpReply> SendAsync(Func<HttpRequestMessage> createRequest, string what, TimeSpan timeout,
            CancellationToken cancellationToken)
        {
            using var request = createRequest();
            var url = request.RequestUri!;
            using var timer = new CancellationTokenSource();
            if (timeout != Timeout.InfiniteTimeSpan)
            {
                timer.CancelAfter(timeout);
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            HttpResponseMessage? response = null;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                var body = await ReadCappedAsync(response, url, what, linked.Token).ConfigureAwait(false);
                var location = response.Headers.Location;
                if (location != null && !location.IsAbsoluteUri)
                {
                    location = new Uri(url, location);
                }

                return new HttpReply((int)response.StatusCode, response.ReasonPhrase,
                    response.Content?.Headers.ContentType?.ToString(), body, location,
                    HttpReply.RetryAfterFrom(response.Headers.RetryAfter, _clock.GetUtcNow()));
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is SocketException
                || ex is OperationCanceledException || ex is ObjectDisposedException)
            {
                // ObjectDisposedException: .NET Framework's answer when a timeout disposed the response mid-read.
                cancellationToken.ThrowIfCancellationRequested();
                if (timer.IsCancellationRequested)
                {
                    throw new TokenEndpointException("RequestTimedOut", JwtAuthErrorKind.OperationTimeout,
                        $"{what} at {url.GetLeftPart(UriPartial.Path)} did not answer within {Plural.Of(timeout.TotalSeconds, "second", "0.###")}.",
                        "Check the network path to the host (VPN, proxy, firewall) and try again, or allow more time with -TimeoutSec.",
                        url.GetLeftPart(UriPartial.Path), ex);
                }

                throw Classify(ex, url, what);
            }
            finally
            {
                response?.Dispose();
            }
        }

        private async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, Uri url, string what, CancellationToken cancellationToken)
        {
            var declared = response.Content?.Headers.ContentLength;
            if (declared > _maxBytes)
            {
                throw TooLarge(url, what, (int)response.StatusCode, declared.Value);
            }

            if (response.Content is null)
            {
                return new byte[0];
            }

            // .NET Framework streams ignore the token: disposing the response unblocks a stalled read.
            using (cancellationToken.Register(response.Dispose))
            {
#if NET8_0_OR_GREATER
                using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                using var buffer = new MemoryStream();
                var chunk = new byte[16 * 1024];
                while (true)
                {
                    var read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return buffer.ToArray();
                    }

                    if (buffer.Length + read > _maxBytes)
                    {
                        throw TooLarge(url, what, (int)response.StatusCode, null);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
        }

        private TokenEndpointException TooLarge(Uri url, string what, int status, long? declared) =>
            new TokenEndpointException("ResponseTooLarge", JwtAuthErrorKind.InvalidData,
                $"{what} at {url.GetLeftPart(UriPartial.Path)} answered HTTP {status} with a body larger than {_maxBytes} bytes{(declared.HasValue ? $" ({declared} declared)" : string.Empty)}; a Salesforce answer is a few hundred bytes.",
                "Something between you and Salesforce (a proxy or captive portal) is answering instead of Salesforce: check -LoginUrl and your proxy settings.",
                url.GetLeftPart(UriPartial.Path))
            { StatusCode = status };

        private static TokenEndpointException Classify(Exception ex, Uri url, string what)
        {
            var target = url.GetLeftPart(UriPartial.Path);
            var hostPort = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";
            var socket = Find<SocketException>(ex);
            if (socket != null)
            {
                switch (socket.SocketErrorCode)
                {
                    case SocketError.HostNotFound:
                    case SocketError.NoData:
                        return new TokenEndpointException("HostNotFound", JwtAuthErrorKind.ConnectionError,
                            $"{what} at {target} could not be reached: the host name '{url.Host}' could not be resolved.",
                            "Check the spelling of -LoginUrl (My Domain URLs look like https://yourdomain.my.salesforce.com) and this machine's DNS or proxy settings.",
                            target, ex);
                    case SocketError.TryAgain:
                        return new TokenEndpointException("HostNotFound", JwtAuthErrorKind.ConnectionError,
                            $"{what} at {target} could not be reached: the host name '{url.Host}' could not be resolved right now.",
                            "Check this machine's DNS or proxy settings and try again.", target, ex)
                        { IsTransient = true };
                    case SocketError.ConnectionRefused:
                        // Nothing listens there: one quick retry covers a service restarting, more would only delay the error.
                        return new TokenEndpointException("ConnectionRefused", JwtAuthErrorKind.ConnectionError,
                            $"{what} at {target} could not be reached: connecting to {hostPort} was refused.",
                            "Check that -LoginUrl names the right host and port; behind a proxy, set HTTPS_PROXY.", target, ex)
                        { IsTransient = true, RetryOnceOnly = true };
                    case SocketError.ConnectionReset:
                    case SocketError.ConnectionAborted:
                    case SocketError.Shutdown:
                        return ConnectionLost(hostPort, what, target, ex);
                }
            }

            if (Find<AuthenticationException>(ex) != null)
            {
                return new TokenEndpointException("TlsHandshakeFailed", JwtAuthErrorKind.SecurityError,
                    $"{what} at {target} could not be reached: the TLS connection to {hostPort} failed (certificate not trusted or handshake refused).",
                    "If a corporate proxy inspects TLS, install its root certificate in the operating system's trust store; also check this machine's clock.",
                    target, ex);
            }

            if (ex is IOException || Find<IOException>(ex) != null)
            {
                return ConnectionLost(hostPort, what, target, ex);
            }

            if (ex is HttpRequestException || ex is ObjectDisposedException)
            {
                return new TokenEndpointException("ConnectionFailed", JwtAuthErrorKind.ConnectionError,
                    $"{what} at {target} failed before a complete answer arrived: {ex.Message}",
                    "Check the network path to the host (VPN, proxy, firewall) and try again.", target, ex)
                { IsTransient = true };
            }

            return new TokenEndpointException("ConnectionFailed", JwtAuthErrorKind.ConnectionError,
                $"{what} at {target} failed: {ex.GetType().Name}.",
                "Check the network path to the host (VPN, proxy, firewall) and try again.", target, ex);
        }

        private static TokenEndpointException ConnectionLost(string hostPort, string what, string target, Exception ex) =>
            new TokenEndpointException("ConnectionLost", JwtAuthErrorKind.ConnectionError,
                $"{what} at {target}: the connection to {hostPort} closed before the answer was complete.",
                "This is usually a network or proxy hiccup; try again. If it persists, check the proxy and firewall.", target, ex)
            { IsTransient = true };

        public void Dispose() => _http.Dispose();

        private static T? Find<T>(Exception ex) where T : Exception
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is T match)
                {
                    return match;
                }
            }

            return null;
        }
    }
}
