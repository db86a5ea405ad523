namespace MockSalesforce.Jwt;

/// <summary>An OAuth error as Salesforce's token endpoint returns it (HTTP 400).</summary>
public sealed record TokenError(string Error, string Description)
{
    /// <summary>Content type not form-encoded, or a grant type other than jwt-bearer.</summary>
    public static readonly TokenError UnsupportedGrantType = new("unsupported_grant_type", "grant type not supported");

    /// <summary>Unknown consumer key in <c>iss</c>.</summary>
    public static readonly TokenError InvalidClientId = new("invalid_client_id", "client identifier invalid");

    /// <summary>Malformed JWT, wrong algorithm, or a signature the app's certificate does not verify.</summary>
    public static readonly TokenError InvalidAssertion = new("invalid_grant", "invalid assertion");

    /// <summary><c>aud</c> is not the login host for the user's kind of org.</summary>
    public static readonly TokenError AudienceInvalid = new("invalid_grant", "audience is invalid");

    /// <summary><c>exp</c> in the past (beyond the skew), or too far ahead with StrictExpiry.</summary>
    public static readonly TokenError Expired = new("invalid_grant", "expired authorization code");

    /// <summary>User unknown, not pre-authorized, or a scratch user not yet replicated.</summary>
    public static readonly TokenError NotApproved = new("invalid_grant", "user hasn't approved this consumer");

    /// <summary>The user is deactivated.</summary>
    public static readonly TokenError InactiveUser = new("invalid_grant", "inactive user");
}
