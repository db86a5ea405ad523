using JwtAuth.Core.Store;

namespace JwtAuth.Core.ScratchOrgs
{
    /// <summary>What New-SfScratchOrg refuses about its own parameters, before it reads the store or calls anyone.</summary>
    internal static class ScratchOrgRequestRules
    {
        public static void Check(ScratchOrgRequest request)
        {
            if (request.Count < 1 || request.Count > ScratchOrgRequest.MaxCount) throw ScratchOrgErrors.CountOutOfRange(request.Count);
            if (request.ThrottleLimit < 1) throw new System.ArgumentOutOfRangeException(nameof(request.ThrottleLimit), "At least one request must be allowed.");
            if (request.Wait <= System.TimeSpan.Zero) throw new System.ArgumentOutOfRangeException(nameof(request.Wait), "The wait must be positive.");
            var hasAlias = !string.IsNullOrEmpty(request.Alias);
            var hasPrefix = !string.IsNullOrEmpty(request.AliasPrefix);
            if (hasAlias && hasPrefix) throw ScratchOrgErrors.AliasAndAliasPrefix();
            if (hasAlias && request.Count > 1) throw ScratchOrgErrors.AliasNeedsOneOrg(request.Alias!, request.Count);
            if (request.SetDefault && request.Count > 1) throw ScratchOrgErrors.SetDefaultNeedsOneOrg(request.Count);
            // The store's alias rules, now rather than after the orgs exist.
            if (hasAlias) OrgNames.Alias(request.Alias);
            if (hasPrefix) OrgNames.Alias(request.AliasFor(request.Count - 1));
        }
    }
}
