using System;
using System.Collections.Generic;
using System.Linq;
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
            var view = new OrgAuthView(stored.Auth, stored.Scope.ToString())
            {
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
            return new OrgAuthView(auth, "SfCli")
            {
                IsDefault = org.IsDefault,
                IsDefaultDevHub = org.IsDefaultDevHub,
                AuthMethod = org.AuthMethod.ToString(),
                Note = org.CanImport ? null : org.CannotImportReason,
            };
        }

        /// <summary>Those matching any of the names (alias or username, wildcards), and the names that matched none.</summary>
        public static (IReadOnlyList<T> Matches, IReadOnlyList<string> Unmatched) Select<T>(IReadOnlyList<T> all,
            IReadOnlyList<string>? names, Func<T, IEnumerable<string>> namesOf)
        {
            if (names is null || names.Count == 0) return (all, Array.Empty<string>());
            var matches = new List<T>();
            var unmatched = new List<string>();
            foreach (var name in names)
            {
                var pattern = new WildcardPattern(name);
                var found = all.Where(item => namesOf(item).Any(n => pattern.IsMatch(n))).ToList();
                if (found.Count == 0 && !pattern.HasWildcards) unmatched.Add(name);
                foreach (var item in found)
                    if (!matches.Contains(item)) matches.Add(item);
            }
            return (matches, unmatched);
        }
    }
}
