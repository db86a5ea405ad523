using System;
using JwtAuth.Core.Http;

namespace JwtAuth.Core.Login
{
    /// <summary>
    /// Decides which login URLs the signed assertion may be sent to, and puts them in one canonical
    /// form (<c>https://host[:port]</c>, lower case, no trailing slash).
    /// </summary>
    /// <remarks>
    /// https only, with normal certificate validation; plain http only to loopback (tests, demos).
    /// The login URL is just the host: a path, query or fragment is refused rather than guessed at,
    /// and Lightning, Visualforce and Setup domains are refused with the My Domain URL to use instead.
    /// </remarks>
    public static class LoginUrlPolicy
    {
        /// <summary>Where a login goes when no login URL is given: production and Developer Edition orgs, Dev Hubs.</summary>
        public const string DefaultLoginUrl = "https://login.salesforce.com";

        private const string MyDomainSuffix = ".my.salesforce.com";
        private const string LightningSuffix = ".lightning.force.com";
        private const string VisualforceSuffix = ".vf.force.com";
        private const string SetupSuffix = ".my.salesforce-setup.com";

        /// <summary>
        /// Validates <paramref name="loginUrl"/> and returns it as <c>scheme://host[:port]</c>.
        /// A bare host name gets <c>https://</c>.
        /// </summary>
        /// <exception cref="LoginUrlException">The URL is empty, malformed, not https (outside loopback),
        /// has a path or query, or names a Lightning/Visualforce/Setup domain.</exception>
        public static Uri Normalize(string? loginUrl)
        {
            if (string.IsNullOrWhiteSpace(loginUrl))
            {
                throw new LoginUrlException("LoginUrlMissing", "No login URL was given.",
                    $"Pass -LoginUrl {DefaultLoginUrl} (production, Dev Hub), https://test.salesforce.com (sandbox) or your org's My Domain URL.",
                    loginUrl);
            }

            var text = loginUrl!.Trim();
            if (text.IndexOf("://", StringComparison.Ordinal) < 0)
            {
                text = "https://" + text;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            {
                throw Malformed(loginUrl);
            }

            var isHttps = uri.Scheme == Uri.UriSchemeHttps;
            var isHttp = uri.Scheme == Uri.UriSchemeHttp;
            if (!isHttps && !isHttp)
            {
                throw new LoginUrlException("LoginUrlNotHttps",
                    $"The login URL '{loginUrl}' uses the scheme '{uri.Scheme}'; only https is allowed.",
                    $"Use https://{uri.Host}.", loginUrl);
            }

            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                // Not echoed: the user-info part may hold a password.
                throw new LoginUrlException("LoginUrlMalformed",
                    "The login URL contains a user name or password before the host.",
                    $"Pass just the host, e.g. https://{uri.Host}.", null);
            }

            // Before the path check: a pasted Lightning page URL should get the My Domain advice.
            RefuseNonLoginDomains(uri.Host, loginUrl!);

            var authority = uri.GetLeftPart(UriPartial.Authority);
            if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                throw new LoginUrlException("LoginUrlHasPath",
                    $"The login URL '{loginUrl}' has a path, query or fragment; the login URL is just the host.",
                    $"Use {authority} (the client adds /services/oauth2/token itself).", loginUrl)
                { SuggestedLoginUrl = authority };
            }

            if (isHttp && !IsLoopback(uri))
            {
                var https = "https://" + uri.Host;
                throw new LoginUrlException("LoginUrlNotHttps",
                    $"The login URL '{loginUrl}' uses plain http; the signed assertion would travel unencrypted.",
                    $"Use {https}. Plain http is allowed only to loopback (localhost, 127.0.0.0/8, [::1]).", loginUrl)
                { SuggestedLoginUrl = https };
            }

            return new Uri(authority, UriKind.Absolute);
        }

        /// <summary>The canonical text form of a normalized login URL: <c>scheme://host[:port]</c>, no trailing slash.</summary>
        public static string Format(Uri loginUrl)
        {
            if (loginUrl is null)
            {
                throw new ArgumentNullException(nameof(loginUrl));
            }

            return loginUrl.GetLeftPart(UriPartial.Authority);
        }

        /// <summary>True for localhost, 127.0.0.0/8 and [::1]: the only hosts plain http may go to.</summary>
        public static bool IsLoopback(Uri url) => LoopbackHost.Is(url);

        private static void RefuseNonLoginDomains(string host, string loginUrl)
        {
            string? myDomain = null;
            string? kind = null;
            if (host.EndsWith(LightningSuffix, StringComparison.OrdinalIgnoreCase))
            {
                kind = "a Lightning Experience domain";
                myDomain = host.Substring(0, host.Length - LightningSuffix.Length) + MyDomainSuffix;
            }
            else if (host.EndsWith(SetupSuffix, StringComparison.OrdinalIgnoreCase))
            {
                kind = "a Setup domain";
                myDomain = host.Substring(0, host.Length - SetupSuffix.Length) + MyDomainSuffix;
            }
            else if (host.EndsWith(VisualforceSuffix, StringComparison.OrdinalIgnoreCase))
            {
                kind = "a Visualforce domain";
                myDomain = VisualforceToMyDomain(host.Substring(0, host.Length - VisualforceSuffix.Length));
            }
            else if (host.EndsWith(".visual.force.com", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".visualforce.com", StringComparison.OrdinalIgnoreCase))
            {
                kind = "a Visualforce domain";
            }

            if (kind is null)
            {
                return;
            }

            if (myDomain is null)
            {
                throw new LoginUrlException("LoginUrlNotLoginDomain",
                    $"The login URL '{loginUrl}' is {kind}, which does not serve the OAuth token endpoint.",
                    "Use your org's My Domain URL (Setup > My Domain), e.g. https://yourdomain.my.salesforce.com.", loginUrl);
            }

            var suggested = "https://" + myDomain.ToLowerInvariant();
            throw new LoginUrlException("LoginUrlNotLoginDomain",
                $"The login URL '{loginUrl}' is {kind}, which does not serve the OAuth token endpoint.",
                $"Use the My Domain URL {suggested} instead.", loginUrl)
            { SuggestedLoginUrl = suggested };
        }

        // mydomain--c(.sandbox|.develop|...) -> mydomain(.sandbox|...): the last "--" part of the
        // first label is the package namespace ("c" for unmanaged pages).
        private static string VisualforceToMyDomain(string prefix)
        {
            var dot = prefix.IndexOf('.');
            var first = dot < 0 ? prefix : prefix.Substring(0, dot);
            var rest = dot < 0 ? string.Empty : prefix.Substring(dot);
            var dashes = first.LastIndexOf("--", StringComparison.Ordinal);
            if (dashes > 0)
            {
                first = first.Substring(0, dashes);
            }

            return first + rest + MyDomainSuffix;
        }

        private static LoginUrlException Malformed(string? loginUrl) =>
            new LoginUrlException("LoginUrlMalformed",
                $"The login URL '{loginUrl}' is not a valid URL.",
                "Pass a host such as https://login.salesforce.com, https://test.salesforce.com or https://yourdomain.my.salesforce.com.",
                loginUrl);
    }
}
