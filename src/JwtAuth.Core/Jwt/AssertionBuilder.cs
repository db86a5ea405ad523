using System;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Cryptography;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Keys;
using Microsoft.IdentityModel.Tokens;

namespace JwtAuth.Core.Jwt
{
    /// <summary>
    /// Builds the signed JWT bearer assertion Salesforce exchanges for an access token:
    /// header <c>{"alg":"RS256","typ":"JWT"}</c>, claims <c>iss</c>, <c>sub</c>, <c>aud</c> and <c>exp</c>
    /// (seconds since the epoch, <see cref="Lifetime"/> ahead). Holds no state besides the clock, so one
    /// instance may sign for many threads at once.
    /// </summary>
    public sealed class AssertionBuilder
    {
        /// <summary>How far ahead <c>exp</c> lies. Salesforce requires it within 3 minutes of now.</summary>
        public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

        private readonly TimeProvider _clock;

        public AssertionBuilder(TimeProvider? clock = null)
        {
            _clock = clock ?? TimeProvider.System;
        }

        /// <summary>Signs a fresh assertion. Call it again for every attempt: <c>exp</c> moves with the clock.</summary>
        /// <exception cref="JwtAuthException">The username or client id is missing or malformed (see <see cref="AssertionIdentity"/>),
        /// the key cannot sign (ErrorId <c>AssertionSigningFailed</c>), or is too small (a <see cref="KeyException"/>, <c>KeyTooSmall</c>).</exception>
        public string Build(RSA key, string clientId, string username, string audience)
        {
            if (key is null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            var (subject, issuer) = AssertionIdentity.Check(username, clientId);
            if (string.IsNullOrWhiteSpace(audience))
            {
                throw new JwtAuthException("AudienceMalformed", JwtAuthErrorKind.InvalidArgument, "No audience was given.",
                    $"Use {AudienceResolver.Production} or {AudienceResolver.Sandbox}.", nameof(audience));
            }

            RsaKeyFactory.CheckSize(key, KeyOrigin.Named("signing key"));
            var expires = _clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();

            // The global signature-provider cache would keep a reference to the caller's key alive
            // after the caller disposed it; a private factory without caching keeps no trace.
            var credentials = new SigningCredentials(new RsaSecurityKey(key), SecurityAlgorithms.RsaSha256)
            {
                CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
            };

            var header = new JwtHeader(credentials);
            var payload = new JwtPayload
            {
                { JwtRegisteredClaimNames.Iss, issuer },
                { JwtRegisteredClaimNames.Sub, subject },
                { JwtRegisteredClaimNames.Aud, audience },
                { JwtRegisteredClaimNames.Exp, expires },
            };

            try
            {
                return new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(header, payload));
            }
            catch (Exception ex) when (ex is CryptographicException || ex is SecurityTokenException
                || ex is NotSupportedException || ex is InvalidOperationException)
            {
                // The library's text may describe the key; keep only the type name.
                throw new JwtAuthException("AssertionSigningFailed", JwtAuthErrorKind.InvalidData,
                    $"The key could not sign the assertion ({ex.GetType().Name}).",
                    "Check that the key is an RSA private key (not just a certificate or public key) and that it is still available.");
            }
        }
    }
}
