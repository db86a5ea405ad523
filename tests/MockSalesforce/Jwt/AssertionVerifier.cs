using System.Security.Cryptography;
using MockSalesforce.Model;

namespace MockSalesforce.Jwt;

/// <summary>
/// Decides a JWT bearer token request the way Salesforce does, with plain RSA (no JWT library),
/// so the mock shares no JWT code with the client under test.
/// </summary>
internal sealed class AssertionVerifier
{
    // exp values above this are not plausible seconds (year 5138): the CLI's milliseconds.
    private const double MillisecondThreshold = 100_000_000_000d;
    private static readonly TimeSpan DocumentedMaximumLifetime = TimeSpan.FromMinutes(3);

    private readonly MockDirectory _directory;
    private readonly MockClock _clock;
    private readonly MockOptions _options;

    public AssertionVerifier(MockDirectory directory, MockClock clock, MockOptions options)
    {
        _directory = directory;
        _clock = clock;
        _options = options;
    }

    /// <summary>Returns the user and app to issue a token for, or the error Salesforce would answer.</summary>
    public (MockUser? User, ConnectedApp? App, TokenError? Error) Verify(string? compactAssertion)
    {
        var assertion = ParsedAssertion.TryParse(compactAssertion);
        if (assertion is null || assertion.HeaderString("alg") != "RS256") return Fail(TokenError.InvalidAssertion);

        var app = _directory.FindApp(assertion.ClaimString("iss"));
        if (app is null) return Fail(TokenError.InvalidClientId);
        if (!SignatureMatches(assertion, app)) return Fail(TokenError.InvalidAssertion);

        double? exp = assertion.ClaimNumber("exp");
        if (exp is null) return Fail(TokenError.InvalidAssertion);
        if (!ExpiryAcceptable(exp.Value)) return Fail(TokenError.Expired);

        // Unknown usernames get the same answer as unapproved ones on the real endpoint, and so do the users of a
        // deleted or expired scratch org (CumulusCI #421) or of one whose signup has not finished.
        var user = _directory.FindUser(assertion.ClaimString("sub"));
        if (user is null || !user.Org.IsLiveAt(_clock.UtcNow)) return Fail(TokenError.NotApproved);
        if (!AudienceAcceptable(assertion.ClaimString("aud"), user.Org)) return Fail(TokenError.AudienceInvalid);
        if (!user.Active) return Fail(TokenError.InactiveUser);
        if (!user.IsPreAuthorizedFor(app.ConsumerKey) || _clock.UtcNow < user.ReplicatesAt) return Fail(TokenError.NotApproved);
        return (user, app, null);
    }

    private static (MockUser?, ConnectedApp?, TokenError?) Fail(TokenError error) => (null, null, error);

    private static bool SignatureMatches(ParsedAssertion assertion, ConnectedApp app)
    {
        using var rsa = RSA.Create();
        rsa.ImportParameters(app.PublicKeyParameters);
        return rsa.VerifyData(assertion.SigningInput, assertion.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private bool ExpiryAcceptable(double exp)
    {
        var now = _clock.UtcNow;
        bool looksLikeMilliseconds = exp > MillisecondThreshold;
        if (_options.StrictExpiry)
        {
            if (looksLikeMilliseconds) return false;
            var latest = now + DocumentedMaximumLifetime + _options.ClockSkew;
            if (exp > latest.ToUnixTimeSeconds()) return false;
        }
        if (looksLikeMilliseconds) return true; // far in the future, as Salesforce reads it
        return exp >= (now - _options.ClockSkew).ToUnixTimeSeconds();
    }

    private static bool AudienceAcceptable(string? audience, MockOrg org)
    {
        // Exact match, as documented: a My Domain URL or a trailing slash is not an audience.
        if (audience is null) return false;
        if (string.Equals(audience, org.LoginAudience, StringComparison.OrdinalIgnoreCase)) return true;
        return org.SiteUrls.Any(site => string.Equals(site, audience, StringComparison.OrdinalIgnoreCase));
    }
}
