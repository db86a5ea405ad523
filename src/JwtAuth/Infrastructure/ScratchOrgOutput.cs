using System.Linq;
using JwtAuth.Core.ScratchOrgs;

namespace JwtAuth.Infrastructure
{
    /// <summary>Maps the core's scratch org view to the SfScratchOrg that New-SfScratchOrg and Get-SfScratchOrg write.</summary>
    internal static class ScratchOrgOutput
    {
        public static SfScratchOrg From(ScratchOrgView view)
        {
            var output = new SfScratchOrg
            {
                Username = view.Username ?? string.Empty,
                Alias = view.Alias,
                Aliases = view.Aliases.ToArray(),
                OrgId = view.OrgId,
                UserId = view.UserId,
                LoginUrl = view.LoginUrl,
                InstanceUrl = view.InstanceUrl,
                Audience = view.Audience,
                ClientId = view.ClientId,
                IsDefault = view.IsDefault,
                IssuedAt = view.IssuedAt,
                Scope = CoreEnums.ToCmdlet(view.Scope),
                Note = view.CannotConnectReason,
                OrgName = view.OrgName,
                ApiVersion = view.ApiVersion,
                DevHub = view.DevHub,
                Status = CoreEnums.ToCmdlet(view.Status),
                ErrorCode = view.ErrorCode,
                ExpirationDate = view.ExpirationDate,
                ScratchOrgInfoId = view.ScratchOrgInfoId,
                CreatedBy = view.CreatedBy,
                CreatedDate = view.CreatedDate,
                Edition = view.Edition,
                CanConnectByJwt = view.CanConnectByJwt,
                CannotConnectReason = view.CannotConnectReason,
                IsStoredHere = view.IsStoredHere,
            };
            // The Dev Hub's key, and only when it can log in to the org: piped into Connect-SfOrgJwt, an org it cannot log
            // in to then fails at once for want of a key instead of waiting out a replication that never comes.
            KeyColumns.Fill(output, view.Key);
            return output;
        }
    }
}
