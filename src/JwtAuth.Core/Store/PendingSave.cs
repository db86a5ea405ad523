using JwtAuth.Core.Model;

namespace JwtAuth.Core.Store
{
    /// <summary>One auth of a <see cref="OrgAuthStore.SaveMany"/> batch, checked and serialized before the store lock is taken.</summary>
    internal sealed class PendingSave
    {
        private PendingSave(int index, OrgAuthSave request, string username, string? alias, bool hasToken, OrgAuthDocument document)
        {
            Index = index;
            Request = request;
            Username = username;
            Alias = alias;
            HasToken = hasToken;
            Document = document;
        }

        public int Index { get; }

        public OrgAuthSave Request { get; }

        public string Username { get; }

        public string? Alias { get; }

        public bool HasToken { get; }

        public OrgAuthDocument Document { get; }

        public bool ChangesIndex => Alias != null || Request.SetDefault || Request.SetDefaultDevHub;

        /// <exception cref="StoreException">The username or alias is not valid.</exception>
        public static PendingSave Prepare(int index, OrgAuthSave request, ITokenProtector protector)
        {
            var auth = request.Auth;
            var username = OrgNames.Username(auth.Username);
            var alias = auth.Alias == null ? null : OrgNames.Alias(auth.Alias);
            var hasToken = !string.IsNullOrEmpty(auth.AccessToken);
            var document = OrgAuthDocument.From(auth, hasToken ? protector.TryProtectWithoutLock(auth.AccessToken!, username) : null, 0);
            return new PendingSave(index, request, username, alias, hasToken, document);
        }
    }
}
