using JwtAuth.Core.Keys;
using JwtAuth.Core.Model;

namespace JwtAuth.Core.Service
{
    /// <summary>
    /// A stored key that is gone when a token is renewed (Get-SfOrgAuth): the user cannot pass a new -KeyFile there,
    /// so the fix says to connect the org again with the key where it is now, which stores the new place.
    /// </summary>
    internal static class StoredKeyErrors
    {
        public static KeyException ForRenewal(KeyException error, OrgAuth auth)
        {
            if (error.ErrorId != KeyErrorIds.KeyFileNotFound && error.ErrorId != KeyErrorIds.CertificateNotFound) return error;
            var keyParameter = error.ErrorId == KeyErrorIds.KeyFileNotFound ? "-KeyFile <new path>" : "-CertificateThumbprint <thumbprint>";
            return new KeyException(error.ErrorId, error.Kind,
                $"{error.Problem} It is the key stored for {auth.Username}, so its token cannot be renewed.",
                $"If the key moved, connect the org again with it: Connect-SfOrgJwt -Username '{auth.Username}' -ClientId '{auth.ClientId}' {keyParameter}; the new place is stored for later renewals.",
                error.Target, error, error.TargetKind);
        }
    }
}
