using System;
using System.Net;
using System.Net.Http;

namespace JwtAuth.Core.Http
{
    /// <summary>
    /// The one handler a client uses for all its requests: redirects never followed (the assertion must not
    /// travel to another host), proxies from the environment and the OS, connections pooled.
    /// </summary>
    internal static class HttpHandlerFactory
    {
        public static HttpMessageHandler Create(IWebProxy? proxy)
        {
#if NET8_0_OR_GREATER
            var handler = new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                // Recycle pooled connections so DNS changes (Salesforce instance moves) are picked up.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                UseProxy = true,
            };

            // Left unset, SocketsHttpHandler uses HttpClient.DefaultProxy: HTTPS_PROXY/HTTP_PROXY/NO_PROXY, then the OS setting.
            if (proxy != null)
            {
                handler.Proxy = proxy;
            }

            return handler;
#else
            EnsureTls12();
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseProxy = true,
                // .NET Framework allows 2 connections per host by default, which would serialize bulk logins.
                MaxConnectionsPerServer = 64,
            };

            // Null keeps the system (WinINet) proxy; the environment variables win when set, as on .NET 8.
            var chosen = proxy ?? EnvironmentProxy.FromEnvironment(Environment.GetEnvironmentVariable);
            if (chosen != null)
            {
                handler.Proxy = chosen;
            }

            return handler;
#endif
        }

#if !NET8_0_OR_GREATER
        // Windows PowerShell 5.1 is an old-target app whose default can be SSL3/TLS 1.0 only, which Salesforce
        // refuses. Add TLS 1.2 without removing anything; leave SystemDefault (the OS decides) alone.
        private static void EnsureTls12()
        {
            var current = ServicePointManager.SecurityProtocol;
            if (current != SecurityProtocolType.SystemDefault && (current & SecurityProtocolType.Tls12) == 0)
            {
                ServicePointManager.SecurityProtocol = current | SecurityProtocolType.Tls12;
            }
        }
#endif
    }
}
