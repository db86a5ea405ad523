using System;
using System.Collections.Generic;
using System.Net;

namespace JwtAuth.Core.Http
{
    /// <summary>
    /// HTTPS_PROXY / HTTP_PROXY / NO_PROXY as curl and .NET on Unix read them. .NET 8 does this itself;
    /// .NET Framework only knows the system (WinINet) proxy, so there the client uses this class when
    /// the variables are set.
    /// </summary>
    internal sealed class EnvironmentProxy : IWebProxy
    {
        private readonly Uri? _httpsProxy;
        private readonly Uri? _httpProxy;
        private readonly List<string> _noProxy = new List<string>();
        private readonly bool _bypassAll;

        private EnvironmentProxy(Uri? httpsProxy, Uri? httpProxy, string? noProxy)
        {
            _httpsProxy = httpsProxy;
            _httpProxy = httpProxy;
            foreach (var raw in (noProxy ?? string.Empty).Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var entry = raw.Trim().ToLowerInvariant();
                if (entry == "*")
                {
                    _bypassAll = true;
                    continue;
                }

                if (entry.StartsWith("*.", StringComparison.Ordinal))
                {
                    entry = entry.Substring(1);
                }

                // host:port has one colon; IPv6 literals have several and are kept whole.
                var colon = entry.LastIndexOf(':');
                if (colon > 0 && entry.IndexOf(':') == colon)
                {
                    entry = entry.Substring(0, colon);
                }

                _noProxy.Add(entry.TrimStart('.'));
            }

            var proxyUser = (httpsProxy ?? httpProxy)?.UserInfo;
            if (!string.IsNullOrEmpty(proxyUser))
            {
                var parts = proxyUser!.Split(new[] { ':' }, 2);
                Credentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]),
                    parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
            }
        }

        public ICredentials? Credentials { get; set; }

        /// <summary>The proxy the variables describe, or null when neither HTTPS_PROXY nor HTTP_PROXY is set.</summary>
        public static EnvironmentProxy? FromEnvironment(Func<string, string?> getVariable)
        {
            var https = ParseProxy(First(getVariable, "HTTPS_PROXY", "https_proxy"));
            var http = ParseProxy(First(getVariable, "HTTP_PROXY", "http_proxy"));
            if (https is null && http is null)
            {
                return null;
            }

            // Like curl: an https destination falls back to HTTP_PROXY when HTTPS_PROXY is not set.
            return new EnvironmentProxy(https ?? http, http, First(getVariable, "NO_PROXY", "no_proxy"));
        }

        public Uri GetProxy(Uri destination)
        {
            if (IsBypassed(destination))
            {
                return destination;
            }

            return ProxyFor(destination) ?? destination;
        }

        public bool IsBypassed(Uri host)
        {
            if (host is null)
            {
                throw new ArgumentNullException(nameof(host));
            }

            if (_bypassAll || LoopbackHost.Is(host) || ProxyFor(host) is null)
            {
                return true;
            }

            var name = host.DnsSafeHost.ToLowerInvariant();
            foreach (var entry in _noProxy)
            {
                if (name == entry || name.EndsWith("." + entry, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private Uri? ProxyFor(Uri destination) =>
            destination.Scheme == Uri.UriSchemeHttps ? _httpsProxy : _httpProxy;

        private static string? First(Func<string, string?> getVariable, string upper, string lower)
        {
            var value = getVariable(upper);
            return string.IsNullOrWhiteSpace(value) ? getVariable(lower) : value;
        }

        private static Uri? ParseProxy(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var text = value!.Trim();
            if (text.IndexOf("://", StringComparison.Ordinal) < 0)
            {
                text = "http://" + text;
            }

            return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
        }
    }
}
