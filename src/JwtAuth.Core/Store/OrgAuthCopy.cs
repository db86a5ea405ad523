using JwtAuth.Core.Model;

namespace JwtAuth.Core.Store
{
    /// <summary>Deep copies of <see cref="OrgAuth"/>, so callers and stores never share a mutable object.</summary>
    internal static class OrgAuthCopy
    {
        public static OrgAuth Of(OrgAuth a) => new OrgAuth
        {
            Username = a.Username,
            OrgId = a.OrgId,
            UserId = a.UserId,
            Alias = a.Alias,
            OrgType = a.OrgType,
            InstanceUrl = a.InstanceUrl,
            LoginUrl = a.LoginUrl,
            Audience = a.Audience,
            ClientId = a.ClientId,
            Key = Of(a.Key),
            IdUrl = a.IdUrl,
            IssuedAt = a.IssuedAt,
            ApiVersion = a.ApiVersion,
            OrgName = a.OrgName,
            InstanceName = a.InstanceName,
            NamespacePrefix = a.NamespacePrefix,
            TrialExpirationDate = a.TrialExpirationDate,
            ScratchOrg = a.ScratchOrg?.Copy(),
            AccessToken = a.AccessToken,
        };

        public static KeyReference Of(KeyReference? k) => k == null
            ? KeyReference.None()
            : new KeyReference
            {
                Kind = k.Kind,
                KeyFile = k.KeyFile,
                CertificateThumbprint = k.CertificateThumbprint,
                CertificateStore = k.CertificateStore,
            };
    }
}
