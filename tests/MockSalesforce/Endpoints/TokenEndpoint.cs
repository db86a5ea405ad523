using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MockSalesforce.Jwt;
using MockSalesforce.Model;

namespace MockSalesforce.Endpoints;

/// <summary>POST /services/oauth2/token for the JWT bearer grant, on any host name.</summary>
internal static class TokenEndpoint
{
    public const string Path = "/services/oauth2/token";
    public const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public static async Task HandleAsync(HttpContext context, MockState state)
    {
        if (!IsUrlEncodedForm(context.Request))
        {
            await WriteErrorAsync(context, TokenError.UnsupportedGrantType);
            return;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["grant_type"] != JwtBearerGrant)
        {
            await WriteErrorAsync(context, TokenError.UnsupportedGrantType);
            return;
        }
        var (user, app, error) = state.Verifier.Verify(form["assertion"]);
        if (error is not null)
        {
            await WriteErrorAsync(context, error);
            return;
        }
        var (accessToken, session) = state.Sessions.Issue(user!, app!);
        string id = MockUrls.IdentityUrl(state.BaseUrl, user!);
        string issuedAt = session.IssuedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        await SalesforceJson.WriteAsync(context, StatusCodes.Status200OK, new
        {
            access_token = accessToken,
            scope = app!.Scope,
            instance_url = user!.Org.InstanceUrl,
            id,
            token_type = "Bearer",
            issued_at = issuedAt,
            signature = Sign(app, id + issuedAt),
        });
    }

    private static bool IsUrlEncodedForm(HttpRequest request) =>
        request.ContentType is { } type &&
        type.Split(';')[0].Trim().Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>Salesforce signs id + issued_at with HMAC-SHA256 keyed by the consumer secret.</summary>
    private static string Sign(ConnectedApp app, string text) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(app.ConsumerSecret), Encoding.UTF8.GetBytes(text)));

    private static Task WriteErrorAsync(HttpContext context, TokenError error)
    {
        context.Items[typeof(TokenError)] = error;
        return SalesforceJson.WriteAsync(context, StatusCodes.Status400BadRequest,
            new { error = error.Error, error_description = error.Description });
    }
}
