using System;
using System.Linq;
using JwtAuth.Core.Model;
using JwtAuth.Core.Service;

namespace JwtAuth.Infrastructure
{
    /// <summary>Maps the core's view of an auth to the objects the cmdlets write: SfOrgAuth, or SfOrgAuthPlainText under -AsPlainText.</summary>
    internal static class OrgAuthOutput
    {
        public static SfOrgAuthBase From(OrgAuthView view, bool asPlainText)
        {
            var token = view.Auth.AccessToken;
            return asPlainText
                ? Fill(new SfOrgAuthPlainText { AccessToken = token }, view)
                : Fill(new SfOrgAuth { AccessToken = token is null ? null : SecureStrings.Protect(token) }, view);
        }

        private static T Fill<T>(T output, OrgAuthView view) where T : SfOrgAuthBase
        {
            var auth = view.Auth;
            output.Username = auth.Username;
            output.Alias = auth.Alias;
            output.Aliases = view.Aliases.ToArray();
            output.OrgId = Empty(auth.OrgId);
            output.UserId = Empty(auth.UserId);
            output.OrgType = CoreEnums.ToCmdlet(auth.OrgType);
            output.InstanceUrl = Empty(auth.InstanceUrl);
            output.LoginUrl = Empty(auth.LoginUrl);
            output.Audience = Empty(auth.Audience);
            output.ClientId = Empty(auth.ClientId);
            output.IsDefault = view.IsDefault;
            output.IsDefaultDevHub = view.IsDefaultDevHub;
            output.IssuedAt = auth.IssuedAt == default ? (DateTimeOffset?)null : auth.IssuedAt;
            KeyColumns.Fill(output, auth.Key);
            output.CanRenew = view.CanRenew;
            output.Scope = CoreEnums.ToCmdlet(view.Scope);
            output.AuthMethod = view.AuthMethod;
            output.Note = view.Note;
            output.OrgName = auth.OrgName;
            output.ApiVersion = auth.ApiVersion;
            return output;
        }

        private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
