using System;
using JwtAuth.Core.Model;
using JwtAuth.Core.Service;

namespace JwtAuth.Infrastructure
{
    /// <summary>Maps the core's view of an auth to the SfOrgAuth objects the cmdlets write.</summary>
    internal static class OrgAuthOutput
    {
        public static SfOrgAuth From(OrgAuthView view, bool asPlainText)
        {
            var auth = view.Auth;
            return new SfOrgAuth
            {
                Username = auth.Username,
                Alias = auth.Alias,
                OrgId = Empty(auth.OrgId),
                UserId = Empty(auth.UserId),
                OrgType = (SfOrgType)(int)auth.OrgType,
                InstanceUrl = Empty(auth.InstanceUrl),
                LoginUrl = Empty(auth.LoginUrl),
                Audience = Empty(auth.Audience),
                ClientId = Empty(auth.ClientId),
                IsDefault = view.IsDefault,
                IsDefaultDevHub = view.IsDefaultDevHub,
                AccessToken = auth.AccessToken is null ? null : asPlainText ? auth.AccessToken : (object)SecureStrings.Protect(auth.AccessToken),
                IssuedAt = auth.IssuedAt == default ? (DateTimeOffset?)null : auth.IssuedAt,
                KeyFile = auth.Key.Kind == KeyReferenceKind.File ? auth.Key.KeyFile : null,
                CertificateThumbprint = auth.Key.Kind == KeyReferenceKind.CertificateStore ? auth.Key.CertificateThumbprint : null,
                CanRenew = view.CanRenew,
                Scope = view.Scope,
                AuthMethod = view.AuthMethod,
                Note = view.Note,
                OrgName = auth.OrgName,
                ApiVersion = auth.ApiVersion,
            };
        }

        private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
