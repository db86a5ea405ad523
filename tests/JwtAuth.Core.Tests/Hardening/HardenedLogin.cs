using System.Net;
using JwtAuth.Core.Login;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>The login client the hardening tests connect through: two transport retries and no proxy, so nothing leaves loopback except a DNS lookup.</summary>
internal static class HardenedLogin
{
    public static Action<SalesforceLoginClientOptions> Options(TimeSpan? requestTimeout = null) => o =>
    {
        o.MaxTransportRetries = 2;
        o.RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(20);
        o.Proxy = new WebProxy();
    };

    public static Task<ServiceFixture> StartAsync(TimeSpan? requestTimeout = null) =>
        ServiceFixture.StartAsync(client: Options(requestTimeout));
}
