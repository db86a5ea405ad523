using JwtAuth.Core.Model;

namespace JwtAuth.Infrastructure
{
    /// <summary>
    /// An output object's KeyFile and CertificateThumbprint, the properties Connect-SfOrgJwt binds from a piped object:
    /// each is set only for a key of its kind, so a piped object brings one key source or none.
    /// </summary>
    internal static class KeyColumns
    {
        public static void Fill(SfOrgAuthBase output, KeyReference? key)
        {
            output.KeyFile = key?.Kind == KeyReferenceKind.File ? key.KeyFile : null;
            output.CertificateThumbprint = key?.Kind == KeyReferenceKind.CertificateStore ? key.CertificateThumbprint : null;
        }
    }
}
