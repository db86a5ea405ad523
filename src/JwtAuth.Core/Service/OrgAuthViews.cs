using System;
using System.Collections.Generic;
using System.Linq;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Model;
using JwtAuth.Core.SfCli;
using JwtAuth.Core.Store;

namespace JwtAuth.Core.Service
{
    /// <summary>Builds the cmdlets' views from what the stores and the Salesforce CLI hold, and selects them by name.</summary>
    internal static class OrgAuthViews
    {
        public static OrgAuthView From(StoredOrgAuth stored)
        {
            var view = new OrgAuthView(stored.Auth, stored.Scope)
            {
                Aliases = stored.Aliases,
                IsDefault = stored.IsDefault,
                IsDefaultDevHub = stored.IsDefaultDevHub,
                Stored = stored,
            };
            if (!stored.CanRenew)
                view.Note = $"Made with an in-memory key: renewing the token needs Connect-SfOrgJwt again for '{stored.Username}'.";
            else if (stored.TokenState == StoredTokenState.Unreadable)
                view.Note = null; // renewable: Get-SfOrgAuth <name> mints a new token
            return view;
        }

        public static OrgAuthView From(SfCliOrg org)
        {
            var auth = new OrgAuth
            {
                Username = org.Username,
                OrgId = org.OrgId ?? string.Empty,
                Alias = org.Aliases.FirstOrDefault(),
                OrgType = org.OrgType,
                InstanceUrl = org.InstanceUrl ?? string.Empty,
                LoginUrl = org.LoginUrl ?? string.Empty,
                ClientId = org.ClientId ?? string.Empty,
                ApiVersion = org.InstanceApiVersion,
                Key = string.IsNullOrEmpty(org.KeyFile) ? KeyReference.None() : KeyReference.File(org.KeyFile!),
            };
            return new OrgAuthView(auth, OrgAuthScope.SfCli)
            {
                Aliases = org.Aliases,
                IsDefault = org.IsDefault,
                IsDefaultDevHub = org.IsDefaultDevHub,
                AuthMethod = org.AuthMethod.ToString(),
                Note = org.CanImport ? null : org.CannotImportReason,
            };
        }

        /// <summary>
        /// The listing order: orgs with an alias by that alias (the one set last), then the others by username,
        /// each in <see cref="NaturalOrder"/> (scratch2 before scratch10).
        /// </summary>
        public static IReadOnlyList<OrgAuthView> Sorted(IEnumerable<OrgAuthView> views) =>
            views.OrderBy(v => v.Auth.Alias is null)
                .ThenBy(v => v.Auth.Alias, NaturalOrder.Instance)
                .ThenBy(v => v.Auth.Username, NaturalOrder.Instance)
                .ToList();

        /// <summary>
        /// Those matching any of the names (alias or username, wildcards), in the order of the names and within
        /// one name in the order of <paramref name="all"/>; and an error from <paramref name="notFound"/> for each
        /// name without wildcards that matched none (a wildcard that matches nothing is not an error).
        /// </summary>
        public static (IReadOnlyList<OrgAuthView> Matches, IReadOnlyList<JwtAuthException> NotFound) Select(IReadOnlyList<OrgAuthView> all,
            IReadOnlyList<string>? names, Func<string, JwtAuthException> notFound)
        {
            if (names is null || names.Count == 0) return (all, Array.Empty<JwtAuthException>());
            var matches = new List<OrgAuthView>();
            var errors = new List<JwtAuthException>();
            foreach (var name in names)
            {
                var pattern = new WildcardPattern(name);
                var found = all.Where(view => view.Aliases.Concat(new[] { view.Auth.Username }).Any(pattern.IsMatch)).ToList();
                if (found.Count == 0 && !pattern.HasWildcards) errors.Add(notFound(name));
                foreach (var view in found)
                    if (!matches.Contains(view)) matches.Add(view);
            }
            return (matches, errors);
        }
    }
}
