using System;
using System.Net;

namespace JwtAuth.Core.Http
{
    /// <summary>localhost, 127.0.0.0/8 and [::1]: the only hosts plain http may go to, and never through a proxy.</summary>
    internal static class LoopbackHost
    {
        public static bool Is(Uri url)
        {
            if (url is null)
            {
                throw new ArgumentNullException(nameof(url));
            }

            var host = url.DnsSafeHost;
            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
        }
    }
}
