using System;
using System.Text.RegularExpressions;
using JwtAuth.Core.Login;

namespace JwtAuth.Core.Jwt
{
    /// <summary>
    /// Picks the JWT <c>aud</c> claim from the login URL: the authorization server Salesforce expects,
    /// which is login.salesforce.com or test.salesforce.com, never the My Domain host itself.
    /// </summary>
    /// <remarks>
    /// Loopback login URLs (the mock, demos) resolve like any unknown host: to
    /// <see cref="Production"/>. Tests that act as a sandbox pass an explicit audience.
    /// </remarks>
    public static class AudienceResolver
    {
        /// <summary>Audience for production, Developer Edition and Dev Hub orgs.</summary>
        public const string Production = "https://login.salesforce.com";

        /// <summary>Audience for sandboxes and scratch orgs.</summary>
        public const string Sandbox = "https://test.salesforce.com";

        /// <summary>Audience for orgs on the gs1 government instance (what the Salesforce CLI sends).</summary>
        public const string Gs1 = "https://gs1.salesforce.com";

        private static readonly Regex CsInstance = new Regex(@"(^|\.)cs[0-9]+(\.my)?\.salesforce\.com$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>
        /// The audience for a login URL, or <paramref name="explicitAudience"/> (normalized) when given.
        /// </summary>
        /// <param name="loginUrl">A login URL, ideally already passed through <see cref="LoginUrlPolicy.Normalize"/>.</param>
        /// <param name="explicitAudience">An audience the caller insists on (e.g. an Experience Cloud site URL).</param>
        /// <exception cref="LoginUrlException">The explicit audience is not an absolute https URL, or the login URL
        /// is a Government Cloud Plus (.mil) host whose audience must be given explicitly.</exception>
        public static string Resolve(Uri loginUrl, string? explicitAudience)
        {
            if (loginUrl is null)
            {
                throw new ArgumentNullException(nameof(loginUrl));
            }

            if (!string.IsNullOrWhiteSpace(explicitAudience))
            {
                return NormalizeExplicit(explicitAudience!);
            }

            var host = loginUrl.Host.ToLowerInvariant();
            if (host.EndsWith(".salesforce.mil", StringComparison.Ordinal) || host == "salesforce.mil")
            {
                throw new LoginUrlException("AudienceRequired",
                    $"The login URL {LoginUrlPolicy.Format(loginUrl)} is a Government Cloud Plus (.mil) host; its authorization server is neither login.salesforce.com nor test.salesforce.com, and this module does not guess it.",
                    "Pass -Audience with the authorization server URL of your government cloud (your Salesforce admin or connected app documentation names it).",
                    LoginUrlPolicy.Format(loginUrl));
            }

            if (IsSandboxLike(loginUrl))
            {
                return Sandbox;
            }

            if (host == "gs1.salesforce.com" || host.EndsWith(".gs1.my.salesforce.com", StringComparison.Ordinal)
                || host.StartsWith("login-gs1.", StringComparison.Ordinal))
            {
                return Gs1;
            }

            return Production;
        }

        /// <summary>
        /// True for hosts that belong to sandboxes or scratch orgs: test.salesforce.com, *.sandbox.my.salesforce.com,
        /// *.scratch.my.salesforce.com, My Domains containing <c>--</c>, and csNN instances.
        /// </summary>
        public static bool IsSandboxLike(Uri loginUrl)
        {
            if (loginUrl is null)
            {
                throw new ArgumentNullException(nameof(loginUrl));
            }

            var host = loginUrl.Host.ToLowerInvariant();
            if (host == "test.salesforce.com"
                || host.EndsWith(".sandbox.my.salesforce.com", StringComparison.Ordinal)
                || host.EndsWith(".scratch.my.salesforce.com", StringComparison.Ordinal)
                || CsInstance.IsMatch(host))
            {
                return true;
            }

            // Legacy sandbox My Domains: mydomain--sandboxname.my.salesforce.com
            var firstDot = host.IndexOf('.');
            return firstDot > 0
                && host.EndsWith(".my.salesforce.com", StringComparison.Ordinal)
                && host.Substring(0, firstDot).Contains("--");
        }

        private static string NormalizeExplicit(string audience)
        {
            var text = audience.Trim();
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && LoginUrlPolicy.IsLoopback(uri)))
                || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                throw new LoginUrlException("AudienceMalformed",
                    $"The audience '{text}' is not an absolute https URL without query.",
                    $"Use {Production} for production and Dev Hub orgs, {Sandbox} for sandboxes and scratch orgs, or your Experience Cloud site URL.",
                    text);
            }

            // Keep a site path (Experience Cloud), drop only the trailing slash.
            var path = uri.AbsolutePath.TrimEnd('/');
            return uri.GetLeftPart(UriPartial.Authority) + path;
        }
    }
}
