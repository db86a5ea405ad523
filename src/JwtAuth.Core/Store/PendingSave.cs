using JwtAuth.Core.Model;

namespace JwtAuth.Core.Store
{
    /// <summary>One auth of a <see cref="OrgAuthStore.SaveMany"/> batch, checked and serialized before the store lock is taken.</summary>
    internal sealed class PendingSave
    {
        private PendingSave(int index, OrgAuthSave request, string username, string? alias, string? token, OrgAuthDocument document)
        {
            Index = index;
            Request = request;
            Username = username;
            Alias = alias;
            Token = token;
            Document = document;
        }

        public int Index { get; }

        public OrgAuthSave Request { get; }

        public string Username { get; }

        public string? Alias { get; }

        /// <summary>The plain token, for <see cref="OrgAuthFiles.Write"/> to protect under the lock when it could not be protected before.</summary>
        public string? Token { get; }

        public OrgAuthDocument Document { get; }

        public bool ChangesIndex => Alias != null || Request.SetDefault || Request.SetDefaultDevHub;

        /// <exception cref="StoreException">The username or alias is not valid.</exception>
        public static PendingSave Prepare(int index, OrgAuthSave request, OrgAuthFiles orgs)
        {
            var auth = request.Auth;
            var username = OrgNames.Username(auth.Username);
            var alias = auth.Alias == null ? null : OrgNames.Alias(auth.Alias);
            var token = string.IsNullOrEmpty(auth.AccessToken) ? null : auth.AccessToken;
            var document = OrgAuthDocument.From(auth, token == null ? null : orgs.ProtectBeforeLock(token, username), 0);
            return new PendingSave(index, request, username, alias, token, document);
        }
    }
}
