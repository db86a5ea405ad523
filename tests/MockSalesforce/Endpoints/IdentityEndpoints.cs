using MockSalesforce.Model;
using MockSalesforce.Query;

namespace MockSalesforce.Endpoints;

/// <summary>The identity URL (GET /id/orgId/userId) and OpenID Connect userinfo.</summary>
internal static class IdentityEndpoints
{
    public static async Task IdentityAsync(HttpContext context, MockState state, string orgId, string userId)
    {
        var session = BearerSession.Find(context, state.Sessions);
        if (session is null)
        {
            await SalesforceJson.InvalidSessionAsync(context);
            return;
        }
        var user = state.Directory.FindUserById(userId);
        if (user is null || user.Org != session.User.Org || !user.Org.Id.StartsWith(orgId, StringComparison.Ordinal) || orgId.Length < 15)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain;charset=UTF-8";
            await context.Response.WriteAsync("Bad_Id", context.RequestAborted);
            return;
        }
        await SalesforceJson.WriteAsync(context, 200, new
        {
            id = MockUrls.IdentityUrl(state.BaseUrl, user),
            asserted_user = user == session.User,
            user_id = user.Id,
            organization_id = user.Org.Id,
            username = user.Username,
            nick_name = user.DisplayName,
            display_name = user.DisplayName,
            email = user.Username,
            email_verified = true,
            first_name = (string?)null,
            last_name = user.DisplayName,
            active = user.Active,
            user_type = "STANDARD",
            language = "en_US",
            locale = "en_US",
            utcOffset = 0,
            last_modified_date = SObjectRecords.DateTime(user.Org.CreatedAt),
            is_app_installed = true,
            urls = Urls(state, user),
        });
    }

    public static async Task UserInfoAsync(HttpContext context, MockState state)
    {
        var session = BearerSession.Find(context, state.Sessions);
        if (session is null)
        {
            await SalesforceJson.InvalidSessionAsync(context);
            return;
        }
        var user = session.User;
        await SalesforceJson.WriteAsync(context, 200, new
        {
            sub = MockUrls.IdentityUrl(state.BaseUrl, user),
            user_id = user.Id,
            organization_id = user.Org.Id,
            preferred_username = user.Username,
            nickname = user.DisplayName,
            name = user.DisplayName,
            email = user.Username,
            email_verified = true,
            zoneinfo = "GMT",
            active = user.Active,
            user_type = "STANDARD",
            language = "en_US",
            locale = "en_US",
            utcOffset = 0,
            updated_at = SObjectRecords.DateTime(user.Org.CreatedAt),
            is_app_installed = true,
            urls = Urls(state, user),
        });
    }

    private static Dictionary<string, string> Urls(MockState state, MockUser user)
    {
        string rest = $"{user.Org.InstanceUrl}/services/data/v{{version}}/";
        return new Dictionary<string, string>
        {
            ["enterprise"] = $"{user.Org.InstanceUrl}/services/Soap/c/{{version}}/{user.Org.Id}",
            ["metadata"] = $"{user.Org.InstanceUrl}/services/Soap/m/{{version}}/{user.Org.Id}",
            ["partner"] = $"{user.Org.InstanceUrl}/services/Soap/u/{{version}}/{user.Org.Id}",
            ["rest"] = rest,
            ["sobjects"] = rest + "sobjects/",
            ["search"] = rest + "search/",
            ["query"] = rest + "query/",
            ["profile"] = $"{user.Org.InstanceUrl}/{user.Id}",
            ["custom_domain"] = user.Org.InstanceUrl,
            ["identity"] = MockUrls.IdentityUrl(state.BaseUrl, user),
        };
    }
}
