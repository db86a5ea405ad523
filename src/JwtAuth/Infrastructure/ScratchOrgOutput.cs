using System.Management.Automation;
using JwtAuth.Core.Model;
using JwtAuth.Core.ScratchOrgs;

namespace JwtAuth.Infrastructure
{
    /// <summary>Maps the core's scratch org view to the SfScratchOrg that New-SfScratchOrg and Get-SfScratchOrg write.</summary>
    internal static class ScratchOrgOutput
    {
        public static PSObject From(ScratchOrgView view)
        {
            var output = PSObject.AsPSObject(new SfScratchOrg
            {
                Username = view.Username,
                OrgId = view.OrgId,
                LoginUrl = view.LoginUrl,
                InstanceUrl = view.InstanceUrl,
                Alias = view.Alias,
                DevHub = view.DevHub,
                Status = (SfScratchOrgStatus)(int)view.Status,
                ErrorCode = view.ErrorCode,
                ExpirationDate = view.ExpirationDate,
                ScratchOrgInfoId = view.ScratchOrgInfoId,
                CreatedBy = view.CreatedBy,
                CreatedDate = view.CreatedDate,
                Edition = view.Edition,
                OrgName = view.OrgName,
                Audience = view.Audience,
                ClientId = view.ClientId,
                CanConnectByJwt = view.CanConnectByJwt,
                CannotConnectReason = view.CannotConnectReason,
                IsStoredHere = view.IsStoredHere,
            });
            // One key property or none: Connect-SfOrgJwt's -KeyFile and -CertificateThumbprint are in different parameter sets,
            // and a property that is there but null would bind -KeyFile and hide the thumbprint.
            if (view.Key?.Kind == KeyReferenceKind.File) output.Properties.Add(new PSNoteProperty("KeyFile", view.Key.KeyFile));
            if (view.Key?.Kind == KeyReferenceKind.CertificateStore) output.Properties.Add(new PSNoteProperty("CertificateThumbprint", view.Key.CertificateThumbprint));
            return output;
        }
    }
}
